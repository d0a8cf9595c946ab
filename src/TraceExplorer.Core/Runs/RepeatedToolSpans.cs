using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// One tool invocation reported by two nested spans counts once. Semantic Kernel over MEAI does this: MEAI's
/// execute_tool for "support_orders_lookup" (with the call id) holds SK's execute_tool for "orders_lookup", both with
/// the same arguments and both failed. A tool span directly inside a tool span of the same tool repeats it; a tool
/// that really calls another tool calls a different one.
/// </summary>
public static class RepeatedToolSpans
{
    /// <summary>Whether the step repeats the tool call of its parent.</summary>
    public static bool IsRepeat(StepForest forest, int index) =>
        forest[index].Kind == StepKind.Tool
        && forest.Parent(index) is var parent and >= 0
        && forest[parent].Kind == StepKind.Tool
        && SameTool(forest[parent], forest[index]);

    public static bool SameTool(Step outer, Step inner) => SameTool(outer.ToolName, outer.ToolArgumentsHash, inner.ToolName, inner.ToolArgumentsHash);

    /// <summary>The rule on a tool span's name and arguments hash, for whichever shape of step a reader holds.</summary>
    public static bool SameTool(string? outerTool, string? outerArgumentsHash, string? innerTool, string? innerArgumentsHash)
    {
        if (outerArgumentsHash is { } outerArgs && outerArgs == innerArgumentsHash)
        {
            return true;
        }

        if (outerTool is not { } outerName || innerTool is not { } innerName)
        {
            return false;
        }

        // A plugin or namespace prefix: SK's "support_orders_lookup" for the function "orders_lookup".
        return outerName == innerName
            || (outerName.Length > innerName.Length + 1
                && outerName.EndsWith(innerName, StringComparison.Ordinal)
                && outerName[^(innerName.Length + 1)] is '_' or '.' or '-' or '/' or ':');
    }

    public static int CountCalls(StepForest forest)
    {
        var calls = 0;
        for (var i = 0; i < forest.Count; i++)
        {
            calls += forest[i].Kind == StepKind.Tool && !IsRepeat(forest, i) ? 1 : 0;
        }

        return calls;
    }
}
