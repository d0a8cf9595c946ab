using System.Diagnostics;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Otlp;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Benchmarks;

/// <summary>
/// CPU cost of the request side alone, on one thread: protobuf decoding plus the conventions mapping, over the old
/// 20-step runs or (<c>realistic</c>) the sender mode's runs with redactable text. Thread CPU time is printed beside
/// wall time: it is the figure a busy machine does not inflate.
/// </summary>
internal static class MappingBenchmark
{
    public static void Run(int spans, int spansPerRequest, bool realistic)
    {
        var bodies = realistic ? RealisticBodies(spans, spansPerRequest) : TwentyStepBodies(spans, spansPerRequest);
        // As the app runs by default: with redaction.
        var mapper = new OtlpTraceMapper(new IngestMappingOptions { EndUserHashKey = "bench", Redactor = new Core.Redaction.Redactor(new(), "bench") });

        var decode = TimeSpan.Zero;
        var map = TimeSpan.Zero;
        var mapped = 0;
        var cpu = ThreadCpuClock.Now();
        foreach (var body in bodies)
        {
            var started = Stopwatch.GetTimestamp();
            var request = OtlpPayload.Decode<ExportTraceServiceRequest>(body, OtlpEncoding.Protobuf);
            decode += Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            mapped += mapper.Map(request).Spans.Count;
            map += Stopwatch.GetElapsedTime(started);
        }

        var cpuTime = ThreadCpuClock.Now() - cpu;
        Console.WriteLine($"decode {mapped / decode.TotalSeconds:N0} spans/s, map {mapped / map.TotalSeconds:N0} spans/s, both {mapped / (decode + map).TotalSeconds:N0} spans/s on one thread ({mapped:N0} {(realistic ? "realistic" : "20-step")} spans)");
        Console.WriteLine($"thread CPU time {cpuTime.TotalMilliseconds:N0} ms = {cpuTime.TotalMilliseconds * 100_000 / mapped:N0} ms per 100,000 spans");
    }

    private static List<byte[]> TwentyStepBodies(int spans, int spansPerRequest)
    {
        var runsPerRequest = Math.Max(1, spansPerRequest / BenchmarkRuns.StepsPerRun);
        return Enumerable.Range(0, spans / (runsPerRequest * BenchmarkRuns.StepsPerRun))
            .Select(i => BenchmarkRuns.Request(i * runsPerRequest, runsPerRequest, "bench-" + DateTime.UtcNow.ToString("HHmmss")).ToByteArray())
            .ToList();
    }

    private static List<byte[]> RealisticBodies(int spans, int spansPerRequest) =>
        SenderBenchmark.Encode(0, spans, spansPerRequest, "map-" + DateTime.UtcNow.ToString("HHmmss")).Select(r => r.Body).ToList();
}
