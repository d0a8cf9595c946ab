using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Storage;

public sealed class StoreInitializerTests
{
    [SqliteFact]
    public async Task Migration_creates_the_schema_from_nothing_in_wal_mode()
    {
        await using var store = await TestStore.CreateAsync();

        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        var tables = await ReadColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        var indexes = await ReadColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'index'");
        var journal = await ReadColumnAsync(connection, "PRAGMA journal_mode");

        Assert.Superset(new HashSet<string> { "runs", "steps", "decisions", "complaints", "__EFMigrationsHistory" }, tables.ToHashSet());
        Assert.Contains("IX_steps_TraceId_SpanId", indexes);
        Assert.Contains("IX_runs_RequestId", indexes);
        Assert.Contains("IX_runs_PolicyVersion_StartTime", indexes);
        Assert.Equal("wal", Assert.Single(journal));
    }

    [SqliteFact]
    public async Task An_up_to_date_store_starts_past_a_lock_row_left_behind_and_takes_no_lock()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var connection = new SqliteConnection(store.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // A row EF Core's lock would wait on for ever, written "now": only taking no lock at all gets past it.
            command.CommandText = $"""
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT OR REPLACE INTO "__EFMigrationsLock" VALUES (1, '{DateTimeOffset.UtcNow.AddMinutes(5):O}');
                """;
            await command.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await StoreInitializer.InitializeAsync(store.ContextFactory, timeout.Token);

        await using var check = new SqliteConnection(store.ConnectionString);
        await check.OpenAsync();
        Assert.Single(await ReadColumnAsync(check, "SELECT Timestamp FROM \"__EFMigrationsLock\""));
    }

    [Fact]
    public async Task Initializing_again_keeps_the_data()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SeedDemoAsync(20);

        await StoreInitializer.InitializeAsync(store.ContextFactory);

        await using var db = await store.ContextFactory.CreateDbContextAsync();
        Assert.True(await db.Runs.CountAsync() >= 20);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_span_is_stored_once_per_trace_and_span_id()
    {
        await using var store = await TestStore.CreateAsync();
        await store.SeedDemoAsync(1);
        await using var db = await store.ContextFactory.CreateDbContextAsync();
        var existing = await db.Steps.AsNoTracking().FirstAsync();

        db.Steps.Add(new TraceExplorer.Core.Model.Step { TraceId = existing.TraceId, SpanId = existing.SpanId, StartTime = existing.StartTime, RunId = existing.RunId, Name = "duplicate" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static async Task<List<string>> ReadColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
