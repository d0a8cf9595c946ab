using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// Where a run's failure starts: the deepest failed step, not the parents that failed because it did (an agent step
/// over a tool call over its HTTP call). Of several such steps the one that started first, as the one the others
/// most likely followed from.
/// </summary>
/// <param name="FailedSteps">Failed steps with no failed step below them: the run's failures that caused something.</param>
/// <param name="FailedAncestors">How many steps above the cause failed with it.</param>
/// <param name="Tool">The tool the cause belongs to: its own, or the nearest above it (an HTTP call inside a tool call).</param>
public sealed record FailureCause(StepOutline Step, int FailedSteps, int FailedAncestors, string? Tool)
{
    public static FailureCause? Find(IReadOnlyList<StepOutline> steps)
    {
        var bySpan = new Dictionary<string, StepOutline>(steps.Count, StringComparer.Ordinal);
        foreach (var step in steps)
        {
            bySpan.TryAdd(step.SpanId, step);
        }

        // Every failed step marks the steps above it: what is left failed on its own account.
        var aboveAFailure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps.Where(Failed))
        {
            foreach (var ancestor in Ancestors(step, bySpan))
            {
                if (!aboveAFailure.Add(ancestor.SpanId))
                {
                    break;
                }
            }
        }

        var causes = steps.Where(s => Failed(s) && !aboveAFailure.Contains(s.SpanId)).ToList();
        if (causes.Count == 0)
        {
            return null;
        }

        var first = causes.OrderBy(s => s.StartTime).ThenBy(s => s.StepNumber).First();
        var above = Ancestors(first, bySpan).ToList();
        return new FailureCause(first, causes.Count, above.Count(Failed), first.ToolName ?? above.FirstOrDefault(s => s.ToolName is not null)?.ToolName);
    }

    private static bool Failed(StepOutline step) => step.Status == StepStatus.Error;

    /// <summary>The steps above one, nearest first; a cycle in bad telemetry ends the walk.</summary>
    private static IEnumerable<StepOutline> Ancestors(StepOutline step, Dictionary<string, StepOutline> bySpan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { step.SpanId };
        var current = step;
        while (current.ParentSpanId is { } parent && bySpan.TryGetValue(parent, out var above) && seen.Add(above.SpanId))
        {
            yield return above;
            current = above;
        }
    }
}
