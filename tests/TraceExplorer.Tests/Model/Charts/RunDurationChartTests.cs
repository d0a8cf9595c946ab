using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Tests.Model.Charts;

public sealed class RunDurationChartTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Failed_runs_get_their_own_trace_and_colour_and_each_point_maps_back_to_its_run()
    {
        var figure = RunDurationChart.Build(
        [
            new RunDurationPoint("run_a", Start, 1500, Failed: false),
            new RunDurationPoint("run_b", Start.AddMinutes(1), 30_000, Failed: true),
            new RunDurationPoint("run_c", Start.AddMinutes(2), 900, Failed: false),
        ]);

        var ok = (Scatter)figure.Figure.Data[0];
        var failed = (Scatter)figure.Figure.Data[1];
        Assert.Equal((RunDurationChart.OkSeries, RunDurationChart.FailedSeries), (ok.Name, failed.Name));
        Assert.Equal(ChartStyle.Error, failed.Marker.Color);
        Assert.Equal([1.5, 0.9], ok.Y.Cast<double>());
        Assert.Equal("run_c", figure.RunAt(0, 1));
        Assert.Equal("run_b", figure.RunAt(1, 0));
        Assert.Null(figure.RunAt(1, 1));
        Assert.Null(figure.RunAt(2, 0));
    }

    [Fact]
    public void A_drag_becomes_a_range_of_whole_seconds_that_keeps_its_edges()
    {
        var range = RunDurationChart.TimeRange("2026-11-24 09:00:05.250", "2026-11-24 09:10:00.5");

        Assert.Equal((Start.AddSeconds(5), Start.AddMinutes(10).AddSeconds(1)), range);
        Assert.Equal("2026-11-24T09:00:05Z", TimeRange.Format(range!.Value.From));
    }

    [Fact]
    public void A_reversed_range_is_put_in_order_and_text_that_is_not_a_time_gives_none()
    {
        Assert.Equal((Start, Start.AddMinutes(1).AddSeconds(1)), RunDurationChart.TimeRange("2026-11-24 09:01:00", "2026-11-24 09:00:00"));
        Assert.Null(RunDurationChart.TimeRange("yesterday-ish", "2026-11-24 09:00:00"));
        Assert.Null(RunDurationChart.TimeRange(null, null));
    }
}
