using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// One statement that reads the two cohorts' runs once and returns them as counts (see <see cref="CohortRunCounts"/>):
/// runs per cohort, agent, route and duration bucket with their failures and tokens; runs per steps, per tool calls
/// and per token bucket; and the runs that were policy-blocked, fell back or drew a complaint. A few hundred rows
/// stand for every run, so the percentiles and rank tests are computed from them, not by sorting the runs.
/// </summary>
internal static class CohortRunSql
{
    public const string Runs = "runs";
    public const string Steps = "steps";
    public const string ToolCalls = "tool_calls";
    public const string Tokens = "tokens";
    public const string PolicyBlocked = "policy_blocked";
    public const string FellBack = "fell_back";
    public const string Complained = "complained";

    public static SqlQuery Counts(SqlDialect dialect, CohortRequest request, string a, string b)
    {
        var query = new SqlQuery(dialect);
        CohortSql.AppendCohort(query, request, a, b, CohortReading.Shared);
        var duration = DurationHistogram.BucketSql("duration");
        var tokens = DurationHistogram.BucketSql("tokens");
        string PerValue(string measure, string value) => $"""
            SELECT '{measure}' AS measure, c, {value} AS v, NULL AS agent, NULL AS route, COUNT(*) AS n, 0 AS failed, 0 AS total
            FROM cohort GROUP BY c, {value}
            """;
        // The flagged runs are few: listed once from their table's index, each cohort run is looked up in the list.
        string RunsWith(string measure, string runsFlagged) => $"""
            SELECT '{measure}', c, NULL, NULL, NULL, COUNT(*), 0, 0
            FROM cohort WHERE run_id IN ({runsFlagged})
            GROUP BY c
            """;
        query.Append($"""
            SELECT '{Runs}' AS measure, c, {duration} AS v, agent, route, COUNT(*) AS n, SUM(failed) AS failed, SUM(tokens) AS total
            FROM cohort GROUP BY c, {duration}, agent, route
            UNION ALL
            {PerValue(Steps, "steps")}
            UNION ALL
            {PerValue(ToolCalls, "tool_calls")}
            UNION ALL
            {PerValue(Tokens, tokens)}
            UNION ALL
            {RunsWith(PolicyBlocked, $"SELECT d.\"RunId\" FROM decisions d WHERE d.\"Kind\" = {SqlEnum.Literal(DecisionKind.PolicyBlock)}")}
            UNION ALL
            {RunsWith(FellBack, $"SELECT d.\"RunId\" FROM decisions d WHERE d.\"Kind\" = {SqlEnum.Literal(DecisionKind.Fallback)}")}
            UNION ALL
            {RunsWith(Complained, "SELECT k.\"RunId\" FROM complaints k")}
            """);
        return query;
    }
}
