using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>The loop detection, shared by the repeated-tools report and the rollups that precompute it.</summary>
internal static class LoopSql
{
    /// <summary>
    /// The CTE <c>loops</c> (run_id, step, pattern, length): one row per step at which the sequence of the last L
    /// steps (L = 1..3) equals the L steps before it; the shortest L that matches names the loop, so a step repeated
    /// three times is one pattern, not three. A loop is named by its rotation that starts with its smallest step, so
    /// "A → B" and "B → A" are one loop. Agent steps only, not the HTTP or database spans inside them.
    /// </summary>
    public static string Rows(string stepsFrom, string where)
    {
        var key = $"""s."Kind" || ':' || {StepGroup.NameSql("s")}""";
        return $"""
            WITH sequence AS (
                SELECT s."RunId" AS run_id, s."StepNumber" AS step, {key} AS k
                FROM {stepsFrom}
                WHERE s."Kind" <> {SqlEnum.Literal(StepKind.Other)} AND {where}),
            lagged AS (
                SELECT run_id, step, k,
                    LAG(k, 1) OVER w AS k1, LAG(k, 2) OVER w AS k2, LAG(k, 3) OVER w AS k3, LAG(k, 4) OVER w AS k4, LAG(k, 5) OVER w AS k5
                FROM sequence WINDOW w AS (PARTITION BY run_id ORDER BY step)),
            loops AS (
                SELECT run_id, step,
                    CASE WHEN k = k1 THEN k
                         WHEN k = k2 AND k1 = k3 THEN (CASE WHEN k1 < k THEN k1 || ' → ' || k ELSE k || ' → ' || k1 END)
                         WHEN k2 <= k1 AND k2 <= k THEN k2 || ' → ' || k1 || ' → ' || k
                         WHEN k1 <= k THEN k1 || ' → ' || k || ' → ' || k2
                         ELSE k || ' → ' || k2 || ' → ' || k1 END AS pattern,
                    CASE WHEN k = k1 THEN 1 WHEN k = k2 AND k1 = k3 THEN 2 ELSE 3 END AS length
                FROM lagged
                WHERE k = k1 OR (k = k2 AND k1 = k3) OR (k = k3 AND k1 = k4 AND k2 = k5))

            """;
    }
}
