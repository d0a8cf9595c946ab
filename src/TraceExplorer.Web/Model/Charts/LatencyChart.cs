using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>The latency report's chart: p50, p95 and p99 of all runs, or the p95 of each series, against the SLO.</summary>
public static class LatencyChart
{
    public static ChartFigure Percentiles(IReadOnlyList<LatencyPoint> points, LatencyGrouping grouping, double sloMs)
    {
        var lines = grouping == LatencyGrouping.None
            ? points.SelectMany(p => new[] { new DailyValue("p50", p.Bucket, p.P50Ms), new DailyValue("p95", p.Bucket, p.P95Ms), new DailyValue("p99", p.Bucket, p.P99Ms) })
            : points.Select(p => new DailyValue(p.Series + " p95", p.Bucket, p.P95Ms));
        return SeriesChart.Lines(lines, "latency (s)", scale: 0.001, threshold: sloMs, thresholdLabel: $"SLO {DisplayFormat.Duration(sloMs)}");
    }
}
