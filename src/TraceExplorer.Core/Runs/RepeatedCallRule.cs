namespace TraceExplorer.Core.Runs;

/// <summary>
/// What counts as a repeated call: within one run, calls of one tool with the same arguments hash, this many times
/// or more. The waterfall's "×N same arguments" mark, the repeated-tools report, its rollup and the runs filter
/// <c>repeatedTool</c> all count by it.
/// </summary>
public static class RepeatedCallRule
{
    public const int MinCalls = 2;
}
