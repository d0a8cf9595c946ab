namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// Exact percentiles in SQL, the same definition as <see cref="Core.Statistics.Percentiles"/> (linear interpolation
/// between closest ranks). The rows must carry their 0-based rank within the group as <c>i</c> and the group's size
/// as <c>n</c>, from <see cref="RankColumns"/>; the expression is then an aggregate over the group.
/// </summary>
public static class PercentileSql
{
    /// <summary>The window columns <c>i</c> and <c>n</c> for <paramref name="value"/> within <paramref name="partition"/>.</summary>
    public static string RankColumns(string value, string partition) =>
        $"ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY {value}) - 1 AS i, COUNT(*) OVER (PARTITION BY {partition}) AS n";

    /// <summary>The <paramref name="percentile"/> (0–100) of <paramref name="value"/> over the group's rows.</summary>
    public static string Of(SqlDialect dialect, string value, double percentile)
    {
        var position = $"({SqlQuery.Number(percentile / 100)} * (n - 1))";
        var lower = dialect.FloorOfNonNegative(position);
        var fraction = $"({position} - {lower})";
        return $"SUM(CASE WHEN i = {lower} THEN {value} * (1 - {fraction}) WHEN i = {lower} + 1 THEN {value} * {fraction} ELSE 0 END)";
    }
}
