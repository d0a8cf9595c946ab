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
        StoreProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Storage:Provider is Sqlite or Postgres."),
    };

    public static StoreProvider ProviderOf(TraceDbContext db) => db.Database.ProviderName switch
    {
        SqliteName => StoreProvider.Sqlite,
        PostgresName => StoreProvider.Postgres,
        var name => throw new NotSupportedException($"The store does not run on the provider '{name}'."),
    };
}
