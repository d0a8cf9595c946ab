using TraceExplorer.Core.Model;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// Which spans are a framework's wiring rather than a step of the agent: LangGraph reports every node, edge and
/// runnable wrapper as an OpenInference CHAIN (11 of 15 spans in one small run), each repeating the whole graph state.
/// Below the root a CHAIN is such wiring; so are LangGraph's own names wherever they come from. The root CHAIN is the
/// agent and stays a plan step. Plumbing is kept, folded in the waterfall and not counted as a step.
/// </summary>
public static class PlumbingRule
{
    private static readonly string[] WiringPrefixes = ["ChannelWrite", "ChannelRead", "Runnable", "Branch<"];
    private static readonly HashSet<string> WiringNames = new(StringComparer.Ordinal) { "__start__", "__end__", "model_request", "tools" };

    public static StepKind Apply(StepKind kind, string spanName, bool hasParent, string? openInferenceKind)
    {
        if (kind == StepKind.Plumbing || !hasParent || kind is not (StepKind.Plan or StepKind.Other))
        {
            return kind;
        }

        var wiring = string.Equals(openInferenceKind, "CHAIN", StringComparison.OrdinalIgnoreCase)
            || WiringNames.Contains(spanName)
            || WiringPrefixes.Any(p => spanName.StartsWith(p, StringComparison.Ordinal));
        return wiring ? StepKind.Plumbing : kind;
    }
}
