using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Testing;

namespace TraceExplorer.Benchmarks;

/// <summary>The spans both ingest benchmarks send: runs of 20 steps with realistic attributes, all distinct.</summary>
internal static class BenchmarkRuns
{
    public const int StepsPerRun = 20;

    public static ExportTraceServiceRequest Request(int firstRun, int runs, string prefix)
    {
        var spans = new List<Span>(runs * StepsPerRun);
        for (var run = firstRun; run < firstRun + runs; run++)
        {
            foreach (var span in OtlpSpans.Run(run + 1, $"{prefix}-{run}", StepsPerRun, startMs: run))
            {
                span.Attributes.Add(OtlpSpans.Attribute("gen_ai.tool.call.arguments", $$"""{"order_id":"A-{{run}}","page":{{span.Attributes.Count}}}"""));
                span.Attributes.Add(OtlpSpans.Attribute("agent.prompt_version", "bench-prompt-1"));
                spans.Add(span);
            }
        }

        return OtlpSpans.Request(spans, ("service.name", "bench-agent"));
    }
}
