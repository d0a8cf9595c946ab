using TraceExplorer.Core.Model;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>
/// Folds plumbing steps (a framework's wiring, see StepKind.Plumbing) into the nearest step above them that is not
/// plumbing: they leave the tree and their children hang from that step, so a LangGraph run reads as agent, model
/// calls and tools. Returns the steps that stay and, for each folded span, the span it was folded into (null when
/// there is none above it).
/// </summary>
public static class PlumbingFold
{
    public static (IReadOnlyList<WaterfallStep> Steps, IReadOnlyDictionary<string, string?> FoldedInto) Fold(IReadOnlyList<WaterfallStep> steps)
    {
        var bySpan = new Dictionary<string, WaterfallStep>(steps.Count, StringComparer.Ordinal);
        foreach (var step in steps)
        {
            bySpan.TryAdd(step.SpanId, step);
        }

        // The nearest ancestor that is not plumbing; a cycle in what was sent ends the walk.
        string? Kept(string? spanId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (spanId is not null && bySpan.TryGetValue(spanId, out var step) && step.Kind == StepKind.Plumbing && seen.Add(spanId))
            {
                spanId = step.ParentSpanId;
            }

            return spanId is not null && bySpan.TryGetValue(spanId, out var found) && found.Kind != StepKind.Plumbing ? spanId : null;
        }

        var folded = new Dictionary<string, string?>(StringComparer.Ordinal);
        var kept = new List<WaterfallStep>(steps.Count);
        foreach (var step in steps)
        {
            if (step.Kind == StepKind.Plumbing)
            {
                folded[step.SpanId] = Kept(step.ParentSpanId);
            }
            else
            {
                kept.Add(step.ParentSpanId is { } parent && bySpan.TryGetValue(parent, out var p) && p.Kind == StepKind.Plumbing
                    ? step with { ParentSpanId = Kept(parent) }
                    : step);
            }
        }

        return (kept, folded);
    }
}
