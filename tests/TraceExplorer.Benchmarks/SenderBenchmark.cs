using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Testing;

namespace TraceExplorer.Benchmarks;

/// <summary>
/// OTLP/HTTP as real exporters send it: each simulated agent process has one keep-alive connection and one export in
/// flight, sends 512-span requests (its batch processor's size) cut from a stream of short runs (a run can straddle two
/// requests), and backs off as Retry-After says on a 503. Every span is fresh. Reports acknowledged spans/s, request
/// latency, 503s and the server's peak memory.
/// </summary>
internal static class SenderBenchmark
{
    public static async Task RunAsync(Uri otlp, int spans, int processes, int? serverPid, int spansPerRequest)
    {
        var prefix = "sender-" + DateTime.UtcNow.ToString("HHmmssfff");
        var spansPerProcess = (int)Math.Ceiling(spans / (double)processes);
        Console.WriteLine($"Encoding {spansPerProcess * processes:N0} spans for {processes} processes...");
        var bodies = Enumerable.Range(0, processes).AsParallel().AsOrdered()
            .Select(p => Encode(p, spansPerProcess, spansPerRequest, prefix)).ToList();
        GC.Collect();

        var latencies = new List<double>[processes];
        long acknowledged = 0, busy = 0, failed = 0;
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, processes).Select(p => Task.Run(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = TimeSpan.FromHours(1) })
            {
                BaseAddress = otlp,
                Timeout = TimeSpan.FromSeconds(30),
            };
            var own = latencies[p] = [];
            foreach (var (body, count) in bodies[p])
            {
                while (true)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                    using var response = await http.PostAsync("/v1/traces", content);
                    own.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Add(ref acknowledged, count);
                        break;
                    }

                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.ServiceUnavailable ? ref busy : ref failed);
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                }
            }
        })));
        var elapsed = started.Elapsed;

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"acknowledged {acknowledged:N0} spans in {elapsed.TotalSeconds:0.0} s = {acknowledged / elapsed.TotalSeconds:N0} spans/s " +
            $"({processes} processes, {spansPerRequest} spans per request, {busy} 503s, {failed} other failures)");
        Console.WriteLine($"request latency (every attempt) p50 {Percentiles.Of(sorted, 50):0.0} ms, p99 {Percentiles.Of(sorted, 99):0.0} ms, max {sorted[^1]:0.0} ms");
        if (serverPid is { } pid)
        {
            Console.WriteLine($"server peak memory (VmHWM): {ServerMemory.PeakMiB(pid):N0} MiB");
        }
    }

    /// <summary>One process's requests: its own runs, numbered apart from every other process's, cut every 512 spans.</summary>
    internal static List<(byte[] Body, int Spans)> Encode(int process, int spans, int spansPerRequest, string prefix)
    {
        var requests = new List<(byte[], int)>();
        var batch = new List<OpenTelemetry.Proto.Trace.V1.Span>(spansPerRequest);
        var start = DateTime.UtcNow.AddMinutes(-10);
        for (long run = (long)process * 10_000_000, sent = 0; sent < spans; run++)
        {
            foreach (var span in RealisticRuns.Run(run, prefix, start.AddMilliseconds(run % 100_000)))
            {
                batch.Add(span);
                if (++sent % spansPerRequest == 0 || sent == spans)
                {
                    requests.Add((OtlpSpans.Request(batch, ("service.name", "support-agent"), ("service.instance.id", $"process-{process}")).ToByteArray(), batch.Count));
                    batch.Clear();
                    if (sent == spans)
                    {
                        break;
                    }
                }
            }
        }

        return requests;
    }
}
