using Microsoft.EntityFrameworkCore;

namespace TraceExplorer.Storage;

/// <summary>How each provider is configured, and which provider a context runs on.</summary>
public static class StoreProviders
{
    public const string SqliteName = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgresName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The PostgreSQL migrations live in their own assembly: EF Core keeps one set per assembly.</summary>
    public const string PostgresMigrationsAssembly = "TraceExplorer.Storage.PostgresMigrations";

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, StoreProvider provider, string connectionString) => provider switch
    {
        StoreProvider.Sqlite => options.UseSqlite(connectionString),
        StoreProvider.Postgres => options.UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Storage:Provider is Sqlite or Postgres."),
    };

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the store's sessions, unless the connection string's Options say
    /// otherwise. Its queries read by index; JIT compiles those the planner guesses costly (a read per run across every
    /// day partition) and took 100 to 300 ms a statement, more than the statements: measured, the reports and the
    /// version comparison all ran faster without it (docs/performance.md).
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.Join(' ', new[] { builder.Options, "-c jit=off" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        }

        return builder.ConnectionString;
    }

    public static StoreProvider ProviderOf(TraceDbContext db) => db.Database.ProviderName switch
    {
        SqliteName => StoreProvider.Sqlite,
        PostgresName => StoreProvider.Postgres,
        var name => throw new NotSupportedException($"The store does not run on the provider '{name}'."),
    };
}
