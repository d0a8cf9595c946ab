using Npgsql;

namespace TraceExplorer.Testing;

/// <summary>
/// Where the storage, API and ingest tests keep their data. By default a SQLite file; when
/// <c>TRACEEXPLORER_TEST_POSTGRES</c> holds a connection string to a PostgreSQL server (tests/run-all.sh starts one
/// on loopback), a fresh database on that server for each store, dropped afterwards.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "TRACEEXPLORER_TEST_POSTGRES";

    private static readonly SemaphoreSlim Creating = new(1, 1);

    /// <summary>The server's connection string, or null when the tests run on SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool OnPostgres => PostgresServer is not null;

    /// <summary>The provider name as <c>Storage:Provider</c> takes it.</summary>
    public static string ProviderSetting => OnPostgres ? "Postgres" : "Sqlite";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreatePostgresAsync()
    {
        var name = "te_" + Guid.NewGuid().ToString("N");
        await Creating.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name}");
        }
        finally
        {
            Creating.Release();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {builder.Database} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
