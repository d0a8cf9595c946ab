namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Percentiles from bucket counts, by the same definition as <see cref="PercentileSql"/> (linear interpolation between
/// closest ranks), each rank valued at its bucket's <see cref="DurationHistogram.ValueOf"/>. The rows are a group's
/// buckets with their bucket as <c>b</c>, count as <c>n</c>, the count of lower buckets as <c>before</c> and the
/// group's size as <c>total</c>; the expression is then an aggregate over the group.
/// </summary>
public static class HistogramPercentileSql
{
    /// <summary>The window columns <c>before</c> and <c>total</c> over buckets <c>b</c> counted in <c>n</c>, within <paramref name="partition"/>.</summary>
    public static string RankColumns(string partition) =>
        $"SUM(n) OVER (PARTITION BY {partition} ORDER BY b ROWS UNBOUNDED PRECEDING) - n AS before, SUM(n) OVER (PARTITION BY {partition}) AS total";

    /// <summary>The <paramref name="percentile"/> (0–100) of the group.</summary>
    public static string Of(SqlDialect dialect, double percentile)
    {
        var position = $"({SqlQuery.Number(percentile / 100)} * (total - 1))";
        var lower = dialect.FloorOfNonNegative(position);
        var fraction = $"({position} - {lower})";
        var value = DurationHistogram.ValueSql("b");
        return $"SUM(CASE WHEN before <= {lower} AND {lower} < before + n THEN {value} * (1 - {fraction}) ELSE 0 END"
            + $" + CASE WHEN before <= {lower} + 1 AND {lower} + 1 < before + n THEN {value} * {fraction} ELSE 0 END)";
    }
}
