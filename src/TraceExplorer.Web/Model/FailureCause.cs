using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// Where a run's failure starts, for its header: the step <see cref="RootCauseErrors"/> names (the deepest failed
/// step, not the parents that failed because it did; of several, the first to start), with the tool it belongs to.
/// </summary>
/// <param name="FailedSteps">Failed steps with no failed step below them: the run's failures that caused something.</param>
/// <param name="FailedAncestors">How many steps above the cause failed with it.</param>
/// <param name="Tool">The tool the cause belongs to: its own, or the nearest above it (an HTTP call inside a tool call).</param>
public sealed record FailureCause(StepOutline Step, int FailedSteps, int FailedAncestors, string? Tool)
{
    public static FailureCause? Find(IReadOnlyList<StepOutline> steps)
    {
        var tree = ParentTree.Of<StepOutline, SpanKey>(steps, s => new SpanKey(s.SpanId), s => s.ParentSpanId is { } parent ? new SpanKey(parent) : null);
        if (RootCauseErrors.First(tree, i => steps[i].Status == StepStatus.Error, i => (steps[i].StartTime, steps[i].StepNumber)) is not { } cause)
        {
            return null;
        }

        var step = steps[cause.Index];
        var tool = step.ToolName ?? tree.Ancestors(cause.Index).Select(i => steps[i].ToolName).FirstOrDefault(t => t is not null);
        return new FailureCause(step, cause.Causes, cause.FailedAncestors, tool);
    }

    /// <summary>The outline is one run's: span ids alone key it.</summary>
    private readonly record struct SpanKey(string SpanId);
}
