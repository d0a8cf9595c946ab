using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Tests.Model;

public sealed class LatencyChartTests
{
    private static readonly DateTime Day = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    private static LatencyPoint Point(string series, DateTime bucket, double p95) => new(series, bucket, 10, 1, 2, p95 / 2, p95, p95 * 2);

    [Fact]
    public void The_previous_period_lies_over_the_current_one_as_its_p95()
    {
        var current = new[] { Point("all runs", Day, 1000), Point("all runs", Day.AddDays(1), 3000) };
        var previous = new[] { Point("all runs", Day.AddDays(-2), 2000), Point("all runs", Day.AddDays(-1), 4000) };

        var figure = LatencyChart.Percentiles(current, LatencyGrouping.None, 60_000, previous, TimeSpan.FromDays(2));

        var lines = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["p50", "p95", "p99", "p95" + LatencyChart.PreviousSuffix], lines.Select(l => l.Name));
        var before = lines[^1];
        Assert.Equal(["2026-11-24 00:00:00", "2026-11-25 00:00:00"], before.X.Select(x => x.ToString()));
        Assert.Equal([2.0, 4.0], before.Y.Select(Convert.ToDouble));
        Assert.Equal(["2026-11-22 00:00:00 UTC", "2026-11-23 00:00:00 UTC"], before.TextArray.Select(t => t.ToString()));
    }

    [Fact]
    public void Grouped_lines_each_get_their_previous_period_and_none_is_drawn_without_one()
    {
        var current = new[] { Point("billing", Day, 1000), Point("support", Day, 2000) };
        var previous = new[] { Point("billing", Day.AddDays(-1), 1500), Point("support", Day.AddDays(-1), 2500) };

        var grouped = LatencyChart.Percentiles(current, LatencyGrouping.Agent, 60_000, previous, TimeSpan.FromDays(1));
        var alone = LatencyChart.Percentiles(current, LatencyGrouping.Agent, 60_000);

        Assert.Equal(["billing p95", "support p95", "billing p95" + LatencyChart.PreviousSuffix, "support p95" + LatencyChart.PreviousSuffix],
            grouped.Data.Cast<Scatter>().Select(l => l.Name));
        Assert.Equal(2, alone.Data.Count);
    }
}
