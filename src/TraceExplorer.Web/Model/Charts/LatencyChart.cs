using System.Globalization;
using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>
/// The latency report's chart: p50, p95 and p99 of all runs, or the p95 of each series, against the SLO; the previous
/// period's p95 as a faint line laid over the current one, so the eye compares like with like.
/// </summary>
public static class LatencyChart
{
    public const string PreviousSuffix = " · previous period";

    /// <param name="previous">The previous period's points, drawn shifted forward by <paramref name="periodLength"/>.</param>
    public static ChartFigure Percentiles(IReadOnlyList<LatencyPoint> points, LatencyGrouping grouping, double sloMs,
        IReadOnlyList<LatencyPoint>? previous = null, TimeSpan periodLength = default)
    {
        var lines = grouping == LatencyGrouping.None
            ? points.SelectMany(p => new[] { new DailyValue("p50", p.Bucket, p.P50Ms), new DailyValue("p95", p.Bucket, p.P95Ms), new DailyValue("p99", p.Bucket, p.P99Ms) })
            : points.Select(p => new DailyValue(SeriesName(p, grouping), p.Bucket, p.P95Ms));
        var figure = SeriesChart.Lines(lines, "latency (s)", scale: 0.001, threshold: sloMs, thresholdLabel: $"SLO {DisplayFormat.Duration(sloMs)}");
        foreach (var series in (previous ?? []).GroupBy(p => SeriesName(p, grouping)))
        {
            figure.Data.Add(PreviousLine(series.Key, [.. series], periodLength));
        }

        return figure;
    }

    private static string SeriesName(LatencyPoint point, LatencyGrouping grouping) => grouping == LatencyGrouping.None ? "p95" : point.Series + " p95";

    private static Scatter PreviousLine(string series, IReadOnlyList<LatencyPoint> points, TimeSpan periodLength) => new()
    {
        Name = ChartText.Safe(series + PreviousSuffix),
        X = points.Select(p => (object)ChartTime(p.Bucket + periodLength)).ToList(),
        Y = points.Select(p => (object)Math.Round(p.P95Ms * 0.001, 3)).ToList(),
        // The hover names the time the value is from, not the time it is drawn at.
        TextArray = [.. points.Select(p => DisplayFormat.Time(p.Bucket))],
        HoverTemplate = "%{text}: %{y} s",
        Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
        Opacity = 0.45m,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ChartStyle.Previous, Dash = "dot", Width = 1.5m },
    };

    private static string ChartTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
