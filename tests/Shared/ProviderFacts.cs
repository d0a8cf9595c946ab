namespace TraceExplorer.Testing;

/// <summary>A test of something only SQLite has (WAL mode, the database file's bytes); skipped when the tests run on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabases.OnPostgres)
        {
            Skip = "SQLite only: this pass runs against PostgreSQL.";
        }
    }
}

/// <summary>A test of something only PostgreSQL has (partitions, several writers); skipped unless the tests run on it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabases.OnPostgres)
        {
            Skip = $"PostgreSQL only: set {TestDatabases.PostgresVariable}, as tests/run-all.sh does.";
        }
    }
}
