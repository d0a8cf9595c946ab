using TraceExplorer.Core.Ingest;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// A span without agent.run_id belongs to the run another span of its trace names. Within one batch this is settled
/// here; across batches the writer asks the store.
/// </summary>
internal static class RunIdResolver
{
    public static (List<IngestedSpan> Spans, List<IngestedDecision> Decisions) ShareWithinTraces(List<IngestedSpan> spans, List<IngestedDecision> decisions)
    {
        var runByTrace = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var span in spans.Where(s => s.RunIdExplicit))
        {
            // A root span speaks for the run; otherwise the first named run wins.
            if (span.Step.ParentSpanId is null || !runByTrace.ContainsKey(span.Step.TraceId))
            {
                runByTrace[span.Step.TraceId] = span.Step.RunId;
            }
        }

        if (runByTrace.Count == 0)
        {
            return (spans, decisions);
        }

        var resolvedSpans = spans.Select(span =>
        {
            if (span.RunIdExplicit || !runByTrace.TryGetValue(span.Step.TraceId, out var runId))
            {
                return span;
            }

            span.Step.RunId = runId;
            return span with { RunIdExplicit = true };
        }).ToList();

        var resolvedDecisions = decisions.Select(d =>
        {
            if (d.RunIdExplicit || d.Decision.TraceId is null || !runByTrace.TryGetValue(d.Decision.TraceId, out var runId))
            {
                return d;
            }

            d.Decision.RunId = runId;
            return d with { RunIdExplicit = true };
        }).ToList();

        return (resolvedSpans, resolvedDecisions);
    }
}
