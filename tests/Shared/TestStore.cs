using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TraceExplorer.Core.Demo;
using TraceExplorer.Storage;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Storage.Seeding;

namespace TraceExplorer.Testing;

/// <summary>A real SQLite store in a temporary file, migrated from nothing, deleted afterwards.</summary>
public sealed class TestStore : IAsyncDisposable
{
    /// <summary>Tests generate demo traffic ending here so that every run of the suite sees the same data.</summary>
    public static readonly DateTime DemoEnd = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private readonly ServiceProvider _services;

    private TestStore(string directory, ServiceProvider services)
    {
        Directory = directory;
        _services = services;
    }

    public string Directory { get; }

    public string ConnectionString => $"Data Source={Path.Combine(Directory, "trace.db")}";

    public IDbContextFactory<TraceDbContext> ContextFactory => _services.GetRequiredService<IDbContextFactory<TraceDbContext>>();

    public RunQueries Queries => _services.GetRequiredService<RunQueries>();

    public StepQueries Steps => _services.GetRequiredService<StepQueries>();

    /// <summary>Any of the store's query services.</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Adds hand-built rows in one transaction; the run's counters are the caller's to set.</summary>
    public async Task AddAsync(IEnumerable<object> entities)
    {
        await using var db = await ContextFactory.CreateDbContextAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public static async Task<TestStore> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "traceexplorer-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var connectionString = $"Data Source={Path.Combine(directory, "trace.db")}";
        var services = new ServiceCollection().AddTraceStore(connectionString).BuildServiceProvider();
        var store = new TestStore(directory, services);
        await StoreInitializer.InitializeAsync(store.ContextFactory);
        return store;
    }

    public Task<DemoSeedResult> SeedDemoAsync(int runCount) =>
        _services.GetRequiredService<DemoSeeder>().SeedAsync(new DemoDataOptions { End = DemoEnd, RunCount = runCount });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the OS temp cleaner rather than failing the test.
        }
    }
}
