using TraceExplorer.Core.Runs;

namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// <see cref="RepeatedCallRule"/> in SQL, for the repeated-tools report, its rollup (<c>rollup_tool_repeats</c>) and
/// the runs filter <c>repeatedTool</c>.
/// </summary>
public static class RepeatedCallSql
{
    /// <summary>The step is a tool call whose arguments can be compared.</summary>
    public static string Comparable(string alias) => $"""{alias}."ToolName" IS NOT NULL AND {alias}."ToolArgumentsHash" IS NOT NULL""";

    /// <summary>One group per run, tool and arguments.</summary>
    public static string SameCall(string alias) => $"{alias}.\"RunId\", {alias}.\"ToolName\", {alias}.\"ToolArgumentsHash\"";

    /// <summary>The group of <see cref="SameCall"/> is a repeat.</summary>
    public static string Repeated => $"COUNT(*) >= {RepeatedCallRule.MinCalls}";
}
