using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// The two cohorts as a common table expression <c>cohort</c>: one row per run in either cohort, with
/// <c>c</c> = 0 for A and 1 for B, and the run's measures. A run that would belong to both (it used both models)
/// belongs to neither.
/// </summary>
/// <remarks>
/// Queries join it to steps as <c>FROM {StepsOfCohort} WHERE {StepsOfCohortJoin}</c>: SQLite takes a cross join's
/// order as written and, held to the run index (<see cref="SqlDialect.StepsByRun"/>), reads each cohort run's steps
/// through it instead of scanning every step of a kind; PostgreSQL plans it as the same inner join.
/// </remarks>
internal static class CohortSql
{
    public const string StepsOfCohortJoin = "s.\"RunId\" = cohort.run_id";

    /// <summary>The cohort's runs, then the steps (alias s) of each.</summary>
    public static string StepsOfCohort(SqlDialect dialect) => $"cohort CROSS JOIN steps s {dialect.StepsByRun}";

    /// <param name="reading">How the statement reads the cohort: once, several times over (computed once and kept), or
    /// probed in duration order by each of several readers (inlined into each, through the duration index).</param>
    public static void AppendCohort(SqlQuery query, CohortRequest request, string a, string b, CohortReading reading = CohortReading.Once)
    {
        var cohort = Of(query, request, a, b, "r", "StartTime");
        var filter = RunFilterSql.Where(query, request.Filter);
        query.Append($"""
            WITH cohort AS {reading switch { CohortReading.Shared => "MATERIALIZED ", CohortReading.ByDuration => "NOT MATERIALIZED ", _ => "" }}(
                SELECT * FROM (
                    SELECT r."RunId" AS run_id, r."StartTime" AS started, r."DurationMs" AS duration, r."AgentName" AS agent, r."Route" AS route,
                        {FailedRun.FlagSql("r")} AS failed,
                        r."StepCount" AS steps, r."ToolCallCount" AS tool_calls, (r."InputTokens" + r."OutputTokens") AS tokens,
                        {cohort} AS c
                    FROM runs r {(reading == CohortReading.ByDuration ? query.Dialect.RunsByDuration : "")}
                    WHERE {filter}) x
                WHERE c IS NOT NULL)

            """);
    }

    /// <summary>
    /// The cohort (0 for A, 1 for B, null for neither) of a row with the runs' dimension columns under
    /// <paramref name="alias"/>, whose start (for before and after) is <paramref name="timeColumn"/>: the runs table,
    /// or a rollup by run dimensions and <c>Hour</c>, whose hours must then not straddle the instant.
    /// </summary>
    public static string Of(SqlQuery query, CohortRequest request, string a, string b, string alias, string timeColumn)
    {
        var inA = Condition(query, request, a, isB: false, alias, timeColumn);
        var inB = Condition(query, request, b, isB: true, alias, timeColumn);
        return $"CASE WHEN ({inA}) IS TRUE AND ({inB}) IS NOT TRUE THEN 0 WHEN ({inB}) IS TRUE AND ({inA}) IS NOT TRUE THEN 1 END";
    }

    /// <summary>The cohort column (agent, route) is <paramref name="value"/>, null included.</summary>
    public static string Is(SqlQuery query, string column, string? value) => value is null ? $"{column} IS NULL" : $"{column} = {query.Parameter(value)}";

    private static string Condition(SqlQuery query, CohortRequest request, string value, bool isB, string alias, string timeColumn)
    {
        if (request.Dimension == CompareDimension.Time)
        {
            var at = query.Parameter(request.At ?? throw new ArgumentException("A before-and-after comparison needs an instant.", nameof(request)));
            var column = RunFilterSql.Column(alias, timeColumn);
            return isB ? $"{column} >= {at}" : $"{column} < {at}";
        }

        if (request.Dimension == CompareDimension.Model)
        {
            return RunFilterSql.UsedModel(query, value, alias);
        }

        return $"{RunFilterSql.Column(alias, CompareDimensions.RunColumn(request.Dimension)!)} = {query.Parameter(value)}";
    }
}
