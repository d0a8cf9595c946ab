using System.Diagnostics;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Otlp;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Benchmarks;

/// <summary>CPU cost of the request side alone, on one thread: protobuf decoding plus the conventions mapping.</summary>
internal static class MappingBenchmark
{
    public static void Run(int spans, int spansPerRequest)
    {
        var runsPerRequest = Math.Max(1, spansPerRequest / BenchmarkRuns.StepsPerRun);
        var bodies = Enumerable.Range(0, spans / (runsPerRequest * BenchmarkRuns.StepsPerRun))
            .Select(i => BenchmarkRuns.Request(i * runsPerRequest, runsPerRequest, "bench-" + DateTime.UtcNow.ToString("HHmmss")).ToByteArray())
            .ToList();
        // As the app runs by default: with redaction.
        var mapper = new OtlpTraceMapper(new IngestMappingOptions { EndUserHashKey = "bench", Redactor = new Core.Redaction.Redactor(new(), "bench") });

        var decode = TimeSpan.Zero;
        var map = TimeSpan.Zero;
        var mapped = 0;
        foreach (var body in bodies)
        {
            var started = Stopwatch.GetTimestamp();
            var request = OtlpPayload.Decode<ExportTraceServiceRequest>(body, OtlpEncoding.Protobuf);
            decode += Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            mapped += mapper.Map(request).Spans.Count;
            map += Stopwatch.GetElapsedTime(started);
        }

        Console.WriteLine($"decode {mapped / decode.TotalSeconds:N0} spans/s, map {mapped / map.TotalSeconds:N0} spans/s, both {mapped / (decode + map).TotalSeconds:N0} spans/s on one thread ({mapped:N0} spans)");
    }
}
