using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TraceExplorer.Storage;

/// <summary>Brings the store's schema up to date at start-up. Never drops or recreates: the store keeps data.</summary>
public static class StoreInitializer
{
    // Held on PostgreSQL while one app instance migrates (the demo seeder's lock is 0x7472616365_02).
    private const long MigrationLock = 0x7472616365_03;

    public static async Task InitializeAsync(IDbContextFactory<TraceDbContext> contextFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            CreateSqliteDirectory(db.Database.GetConnectionString());
        }

        await MigrateAsync(db, cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the UI read while ingest writes; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Applies the pending migrations. On PostgreSQL several app instances may start at once: each holds a session
    /// lock while it reads what is applied and applies the rest, so the second finds nothing left to do (EF Core's own
    /// lock is held per migration, which let two instances both try to apply the same one).
    /// </summary>
    private static async Task MigrateAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
        }
    }

    private static void CreateSqliteDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
