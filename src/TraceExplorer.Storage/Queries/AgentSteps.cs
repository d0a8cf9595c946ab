using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Storage.Queries;

/// <summary>
/// The steps a reader compares or replays: what the agent did, without a framework's plumbing and without a tool span
/// that repeats its parent's call (Semantic Kernel's inside Microsoft.Extensions.AI's), the same rules the run's
/// counts follow (<see cref="RepeatedToolSpans"/>).
/// </summary>
public static class AgentSteps
{
    public static IReadOnlyList<StepItem> Of(IReadOnlyList<StepItem> steps)
    {
        var bySpan = new Dictionary<string, StepItem>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            bySpan.TryAdd(step.SpanId, step);
        }

        return steps.Where(step => step.Kind != StepKind.Plumbing && !RepeatsParent(step, bySpan)).ToList();
    }

    private static bool RepeatsParent(StepItem step, Dictionary<string, StepItem> bySpan) =>
        step.Kind == StepKind.Tool
        && step.ParentSpanId is { } parentId
        && bySpan.TryGetValue(parentId, out var parent)
        && parent.Kind == StepKind.Tool
        && RepeatedToolSpans.SameTool(parent.ToolName, parent.ToolArgumentsHash, step.ToolName, step.ToolArgumentsHash);
}
