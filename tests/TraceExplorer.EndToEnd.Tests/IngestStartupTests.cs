namespace TraceExplorer.EndToEnd.Tests;

public sealed class IngestStartupTests
{
    [Fact]
    public async Task Unsecured_ingest_on_every_interface_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ingest__HttpUrl"] = "http://0.0.0.0:0",
        }));

        Assert.Contains("Unsecured", error.Message);
        Assert.Contains("http://0.0.0.0:0", error.Message);
        Assert.Contains("Ingest:PrimaryApiKey", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            [AppProcess.StoreSetting] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3",
        }));

        Assert.Contains("exited with 1", error.Message);
        Assert.Contains("The trace store could not be opened", error.Message);
        Assert.Contains("ConnectionStrings:TraceStore", error.Message);
    }

    /// <summary>Where start-up is killed: after its first line of output (null), or this many ms after launch.</summary>
    public static TheoryData<int?> KillPoints() => new() { null, 0, 150, 400, 800, 1200, 2000, 3000 };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_kill_during_the_first_start_up_does_not_stop_the_next_start(int? afterMs)
    {
        await using var app = await AppProcess.StartAsync(serve: false);
        if (afterMs is { } delay)
        {
            await Task.Delay(delay);
        }
        else
        {
            await app.WaitForFirstOutputAsync(TimeSpan.FromSeconds(60));
        }

        await app.KillAsync();

        // Bounded by AppProcess's start timeout: it fails with the app's output if the app never serves.
        await app.StartAgainAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Http.GetAsync("/api/runs?pageSize=1")).StatusCode);
        await app.KillAsync();
        await app.StartAgainAsync();
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_dead_process_is_taken_over()
    {
        if (TraceExplorer.Testing.TestDatabases.OnPostgres)
        {
            return; // PostgreSQL's lock is a session advisory lock: it ends with the connection of the process that held it.
        }

        // A store as a kill during its first migration leaves it: EF Core's lock row, nothing applied yet.
        await using var app = await AppProcess.StartAsync(serve: false);
        await app.KillAsync();
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" VALUES (1, '2026-01-01T00:00:00.0000000+00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await app.StartAgainAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Http.GetAsync("/api/runs?pageSize=1")).StatusCode);
    }
}
