using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// The runs filter's conditions on what happened in a run (<see cref="RunFilter.LooksInsideRuns"/>), each a lookup of
/// the run's own steps, complaints or decisions; the runs list and explain share them.
/// </summary>
public static class InsideRunSql
{
    /// <summary>Every such condition the filter sets, over the runs table under <paramref name="alias"/>.</summary>
    public static IEnumerable<string> Conditions(SqlQuery query, RunFilter filter, string alias = "r")
    {
        if (filter.FailedStep is { } failed)
        {
            yield return FailedStep(query, failed, alias);
        }

        if (filter.SlowerThanMs is { } threshold)
        {
            var group = filter.SlowStep is { } slow ? $" AND {StepGroup.NameSql("x")} = {query.Parameter(slow)}" : "";
            yield return $"EXISTS (SELECT 1 FROM {StepsOf(query, alias)}{group} AND x.\"DurationMs\" > {query.Parameter(threshold)})";
        }

        if (filter.RepeatedTool is { } tool)
        {
            yield return RepeatedTool(query, tool, alias);
        }

        if (filter.WithComplaints)
        {
            yield return $"EXISTS (SELECT 1 FROM complaints k WHERE k.\"RunId\" = {alias}.\"RunId\")";
        }

        if (filter.Decision is { } kind)
        {
            yield return $"EXISTS (SELECT 1 FROM decisions d WHERE d.\"RunId\" = {alias}.\"RunId\" AND d.\"Kind\" = {query.Parameter(kind.ToString())})";
        }

        if (filter.Excluding is { } excluded)
        {
            yield return $"NOT ({RunFilterSql.Where(query, excluded, alias)})";
        }
    }

    /// <summary>A step of the group failed (<see cref="StepGroup.FailedSql"/>).</summary>
    public static string FailedStep(SqlQuery query, string group, string alias = "r") =>
        $"EXISTS (SELECT 1 FROM {StepsOf(query, alias)} AND {StepGroup.NameSql("x")} = {query.Parameter(group)} AND {StepGroup.FailedSql("x")} = 1)";

    /// <summary>The tool's calls in the run repeat by <see cref="RepeatedCallSql"/> (the rule <c>rollup_tool_repeats</c> keeps per run).</summary>
    public static string RepeatedTool(SqlQuery query, string tool, string alias = "r") => $"""
        EXISTS (SELECT 1 FROM {StepsOf(query, alias)} AND x."ToolName" = {query.Parameter(tool)} AND {RepeatedCallSql.Comparable("x")}
            GROUP BY x."ToolArgumentsHash" HAVING {RepeatedCallSql.Repeated})
        """;

    private static string StepsOf(SqlQuery query, string alias) => $"steps x {query.Dialect.StepsByRun} WHERE x.\"RunId\" = {alias}.\"RunId\"";
}
