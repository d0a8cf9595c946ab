using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TraceExplorer.Core.Demo;
using TraceExplorer.Storage;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Storage.Seeding;

namespace TraceExplorer.Testing;

/// <summary>
/// A real store migrated from nothing and deleted afterwards: a SQLite file in a temporary directory, or a fresh
/// PostgreSQL database when the tests run against PostgreSQL (see <see cref="TestDatabases"/>).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    /// <summary>Tests generate demo traffic ending here so that every run of the suite sees the same data.</summary>
    public static readonly DateTime DemoEnd = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    private readonly ServiceProvider _services;

    private TestStore(string directory, StoreProvider provider, string connectionString, ServiceProvider services)
    {
        Directory = directory;
        Provider = provider;
        ConnectionString = connectionString;
        _services = services;
    }

    public string Directory { get; }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The app's settings that point it at this store.</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Storage:Provider"] = Provider.ToString(),
        ["ConnectionStrings:TraceStore"] = ConnectionString,
    };

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
        var provider = TestDatabases.OnPostgres ? StoreProvider.Postgres : StoreProvider.Sqlite;
        var connectionString = TestDatabases.OnPostgres
            ? await TestDatabases.CreatePostgresAsync()
            : $"Data Source={Path.Combine(directory, "trace.db")}";
        var services = new ServiceCollection().AddTraceStore(provider, connectionString).BuildServiceProvider();
        var store = new TestStore(directory, provider, connectionString, services);
        await StoreInitializer.InitializeAsync(store.ContextFactory);
        return store;
    }

    public Task<DemoSeedResult> SeedDemoAsync(int runCount) =>
        _services.GetRequiredService<DemoSeeder>().SeedAsync(new DemoDataOptions { End = DemoEnd, RunCount = runCount });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Provider == StoreProvider.Postgres)
        {
            await TestDatabases.DropPostgresAsync(ConnectionString);
        }

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
