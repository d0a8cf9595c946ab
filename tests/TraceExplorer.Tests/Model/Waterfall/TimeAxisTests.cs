using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Tests.Model.Waterfall;

public sealed class TimeAxisTests
{
    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.3, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(4200, 5000)]
    [InlineData(0.013, 0.02)]
    public void Steps_round_up_to_1_2_or_5_times_a_power_of_ten(double rough, double nice) =>
        Assert.Equal(nice, TimeAxis.NiceStep(rough), precision: 9);

    [Fact]
    public void Ticks_fall_on_round_values_inside_the_window()
    {
        Assert.Equal([0, 5000, 10000, 15000, 20000, 25000, 30000], new TimeAxis(0, 30_000).Ticks(6));
        Assert.Equal([200, 400, 600, 800, 1000], new TimeAxis(150, 1050).Ticks(5));
    }

    [Fact]
    public void Labels_share_one_unit_and_the_end_of_the_axis_is_always_labelled()
    {
        // A 45.9 s run: every label in seconds (not "0 ms" beside "10.00 s"), its end labelled, the 40 s tick too near the end left out.
        Assert.Equal(["0 s", "10 s", "20 s", "30 s", "46 s"], Texts(new TimeAxis(0, 45_914.9)));
        Assert.Equal(["0 s", "10 s", "20 s", "30 s", "40 s", "50 s"], Texts(new TimeAxis(0, 50_000)));
        Assert.True(new TimeAxis(0, 45_914.9).Labels()[^1] is { Percent: 100, AtEnd: true });

        // Zoomed into a second: the step is 100 ms, so one decimal of a second.
        Assert.Equal(["12.4 s", "12.6 s", "12.8 s", "13.1 s"], Texts(new TimeAxis(12_300, 13_100)));
        Assert.Equal(["0 ms", "100 ms", "200 ms", "300 ms", "400 ms", "600 ms"], Texts(new TimeAxis(0, 600)));
        Assert.Equal(["0 min", "2 min", "4 min", "6 min", "8 min", "12 min"], Texts(new TimeAxis(0, 690_000)));

        // The 100,000-step run's ten minutes: "8 min" at 80 % would run into "10 min".
        Assert.Equal(["0 min", "2 min", "4 min", "6 min", "10 min"], Texts(new TimeAxis(0, 600_000)));
    }

    private static string[] Texts(TimeAxis axis) => axis.Labels().Select(l => l.Text).ToArray();

    [Fact]
    public void Bars_are_placed_in_percent_and_clipped_to_the_window()
    {
        var axis = new TimeAxis(100, 300);

        Assert.Equal((25.0, 50.0), axis.Bar(150, 100));
        Assert.Equal((0.0, 25.0), axis.Bar(0, 150));
        Assert.Equal(0.15, axis.Bar(200, 0).Width);
        Assert.False(axis.Overlaps(400, 10));
        Assert.True(axis.Overlaps(50, 60));
    }

    [Fact]
    public void Zooming_narrows_to_the_dragged_fraction_either_way_round()
    {
        var axis = new TimeAxis(0, 1000);

        Assert.Equal(new TimeAxis(250, 500), axis.Zoom(0.25, 0.5));
        Assert.Equal(new TimeAxis(250, 500), axis.Zoom(0.5, 0.25));
        Assert.Equal(axis, axis.Zoom(0.3, 0.3));
        Assert.Equal(new TimeAxis(750, 1000), axis.Zoom(0.75, 1.5));
    }
}
