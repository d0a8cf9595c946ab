using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Otlp.Mapping;
using TraceExplorer.Storage;
using TraceExplorer.Storage.Ingest;

namespace TraceExplorer.Benchmarks;

/// <summary>The store writer alone, on one thread, fed already-mapped batches the way the ingest queue feeds it.</summary>
internal static class WriterBenchmark
{
    public static async Task RunAsync(int spans, int spansPerRequest, int requestsPerWrite)
    {
        var path = Path.Combine(Path.GetTempPath(), $"writer-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection().AddTraceStore(StoreProvider.Sqlite, $"Data Source={path}").BuildServiceProvider();
        await StoreInitializer.InitializeAsync(services.GetRequiredService<IDbContextFactory<TraceDbContext>>());
        var writer = services.GetRequiredService<IngestWriter>();

        var mapper = new OtlpTraceMapper(new IngestMappingOptions { EndUserHashKey = "bench" });
        var runsPerRequest = Math.Max(1, spansPerRequest / BenchmarkRuns.StepsPerRun);
        var batches = Enumerable.Range(0, spans / (runsPerRequest * BenchmarkRuns.StepsPerRun))
            .Select(i => mapper.Map(BenchmarkRuns.Request(i * runsPerRequest, runsPerRequest, "writer")))
            .ToList();

        var started = Stopwatch.StartNew();
        var stored = 0;
        foreach (var write in batches.Chunk(requestsPerWrite))
        {
            stored += (await writer.WriteAsync(write)).StoredSpans;
        }

        var elapsed = started.Elapsed;
        Console.WriteLine($"writer: {stored:N0} spans in {elapsed.TotalSeconds:0.0} s = {stored / elapsed.TotalSeconds:N0} spans/s ({requestsPerWrite} requests of {spansPerRequest} spans per write)");
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }
}
