using TraceExplorer.Web.Ingest;

namespace TraceExplorer.Tests.Ingest;

public sealed class WriteRateEstimateTests
{
    [Fact]
    public void Before_any_write_the_estimate_is_the_cautious_initial_rate()
    {
        var estimate = new WriteRateEstimate();

        Assert.Equal(WriteRateEstimate.InitialItemsPerSecond, estimate.ItemsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(2), estimate.TimeToWrite(20_000));
    }

    [Fact]
    public void Writes_move_the_estimate_a_quarter_of_the_way_each_and_it_settles_on_a_steady_rate()
    {
        var estimate = new WriteRateEstimate();

        estimate.Record(5_000, TimeSpan.FromMilliseconds(100)); // 50,000 items/s
        Assert.Equal(20_000, estimate.ItemsPerSecond, precision: 6);
        for (var i = 0; i < 60; i++)
        {
            estimate.Record(5_000, TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(50_000, estimate.ItemsPerSecond, tolerance: 1);
        Assert.Equal(1.0, estimate.TimeToWrite(50_000).TotalSeconds, tolerance: 0.001);
    }

    [Fact]
    public void Empty_or_instant_writes_leave_the_estimate_alone()
    {
        var estimate = new WriteRateEstimate();

        estimate.Record(0, TimeSpan.FromSeconds(1));
        estimate.Record(100, TimeSpan.Zero);

        Assert.Equal(WriteRateEstimate.InitialItemsPerSecond, estimate.ItemsPerSecond);
    }
}
