using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TraceExplorer.Storage;

/// <summary>Brings the store's schema up to date at start-up. Never drops or recreates: the store keeps data.</summary>
public static class StoreInitializer
{
    // Held on PostgreSQL while one app instance migrates (the demo seeder's lock is 0x7472616365_02).
    private const long MigrationLock = 0x7472616365_03;

    // EF Core's SQLite migration lock: one row while a process migrates, deleted when it is done.
    private const string SqliteLockTable = "__EFMigrationsLock";

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
    /// Applies the pending migrations, and takes no lock when there are none: EF Core's lock is a row on SQLite, and a
    /// process killed while holding it (a kill -9 during start-up) would otherwise keep every later start waiting.
    /// On PostgreSQL several app instances may start at once: each holds a session lock while it reads what is applied
    /// and applies the rest, so the second finds nothing left to do (EF Core's own lock is held per migration, which let
    /// two instances both try to apply the same one). A session lock ends with its connection, so a dead holder frees it.
    /// </summary>
    private static async Task MigrateAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await RemoveAbandonedSqliteLockAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }

            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
        try
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
        }
    }

    /// <summary>
    /// One app process owns a SQLite file, so a migration lock row written before this process started belongs to a
    /// process that is gone (killed while it migrated) and is deleted, as is a row whose time cannot be read (EF Core
    /// writes a round-trip time). A row this process could have written is left.
    /// </summary>
    private static async Task RemoveAbandonedSqliteLockAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{SqliteLockTable}'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }
        }

        var stale = new List<long>();
        await using (var rows = connection.CreateCommand())
        {
            rows.CommandText = $"SELECT Id, Timestamp FROM \"{SqliteLockTable}\"";
            await using var reader = await rows.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (MigrationLockRules.IsAbandoned(reader.IsDBNull(1) ? null : reader.GetString(1), ProcessStart))
                {
                    stale.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in stale)
        {
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{SqliteLockTable}\" WHERE Id = {{0}}", [id], cancellationToken);
        }
    }

    private static DateTimeOffset ProcessStart => new(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

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
