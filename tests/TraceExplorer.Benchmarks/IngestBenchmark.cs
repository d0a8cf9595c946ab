using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Benchmarks;

/// <summary>
/// OTLP/HTTP protobuf throughput against a running app: concurrent keep-alive clients send pre-encoded requests;
/// a request counts once the app acknowledged it (after commit). Reports spans/s, request latency and the server's peak memory.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(Uri otlp, Uri ui, int spans, int spansPerRequest, int clients, int? serverPid)
    {
        var runsPerRequest = Math.Max(1, spansPerRequest / BenchmarkRuns.StepsPerRun);
        var requests = (int)Math.Ceiling(spans / (double)(runsPerRequest * BenchmarkRuns.StepsPerRun));
        var prefix = "bench-" + DateTime.UtcNow.ToString("HHmmss");
        Console.WriteLine($"Encoding {requests:N0} requests of {runsPerRequest * BenchmarkRuns.StepsPerRun:N0} spans...");
        var bodies = new ConcurrentQueue<byte[]>(Enumerable.Range(0, requests).Select(i => BenchmarkRuns.Request(i * runsPerRequest, runsPerRequest, prefix).ToByteArray()));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = otlp,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var latencies = new ConcurrentBag<double>();
        long acknowledgedSpans = 0, retries = 0;
        var spansPerBody = runsPerRequest * BenchmarkRuns.StepsPerRun;
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (bodies.TryDequeue(out var body))
            {
                while (true)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                    using var response = await http.PostAsync("/v1/traces", content);
                    if (response.IsSuccessStatusCode)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                        Interlocked.Add(ref acknowledgedSpans, spansPerBody);
                        break;
                    }

                    // 503 with Retry-After: the queue is full; back off as an exporter would.
                    Interlocked.Increment(ref retries);
                    await Task.Delay(100);
                }
            }
        })));
        var elapsed = started.Elapsed;

        using var api = new HttpClient { BaseAddress = ui };
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/runs?q={prefix}-0");
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"acknowledged {acknowledgedSpans:N0} spans in {elapsed.TotalSeconds:0.0} s = {acknowledgedSpans / elapsed.TotalSeconds:N0} spans/s " +
            $"({clients} clients, {spansPerBody} spans per request, {retries} retried 503s)");
        Console.WriteLine($"request latency p50 {Percentiles.Of(sorted, 50):0.0} ms, p99 {Percentiles.Of(sorted, 99):0.0} ms, max {sorted[^1]:0.0} ms");
        Console.WriteLine($"first run stored: {stored.GetProperty("totalCount").GetInt32() == 1}");
        if (serverPid is { } pid)
        {
            Console.WriteLine($"server peak memory (VmHWM): {ServerMemory.PeakMiB(pid):N0} MiB");
        }
    }
}
