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

    /// <summary>
    /// Where start-up is killed: a delay after launch, after its first line of output, or after the SQLite file appears
    /// (the store is opened and migrating: the window in which EF Core holds its lock row).
    /// </summary>
    public static TheoryData<string, int> KillPoints() => new()
    {
        { "launch", 0 }, { "launch", 150 }, { "launch", 400 }, { "launch", 800 }, { "launch", 1200 }, { "launch", 2000 }, { "launch", 3000 },
        { "first-output", 0 }, { "store-file", 0 }, { "store-file", 20 }, { "store-file", 60 }, { "store-file", 150 }, { "store-file", 300 },
    };

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task A_kill_during_the_first_start_up_does_not_stop_the_next_start(string after, int delayMs)
    {
        await using var app = await AppProcess.StartAsync(serve: false);
        if (after == "first-output")
        {
            await app.WaitForFirstOutputAsync(TimeSpan.FromSeconds(60));
        }
        else if (after == "store-file")
        {
            // PostgreSQL has no file to watch: there the kill falls at the first output instead.
            await WaitForAsync(() => TraceExplorer.Testing.TestDatabases.OnPostgres || File.Exists(app.DatabasePath), TimeSpan.FromSeconds(60));
        }

        await Task.Delay(delayMs);
        await app.KillAsync();

        // Bounded by AppProcess's start timeout: it fails with the app's output if the app never serves.
        await app.StartAgainAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Http.GetAsync("/api/runs?pageSize=1")).StatusCode);
        await app.KillAsync();
        await app.StartAgainAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
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
