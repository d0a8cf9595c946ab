using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Tests.Analytics;

public sealed class DurationHistogramTests
{
    [Theory]
    [InlineData(0.001)]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(1.02)]
    [InlineData(99.9)]
    [InlineData(100)]
    [InlineData(12_345.678)]
    [InlineData(3_600_000)]
    public void A_bucket_value_is_within_one_percent_of_every_duration_in_it(double durationMs)
    {
        var value = DurationHistogram.ValueOf(DurationHistogram.BucketOf(durationMs));

        Assert.InRange(Math.Abs(value - durationMs) / durationMs, 0, DurationHistogram.RelativeError + 1e-12);
        Assert.True(DurationHistogram.RelativeError < 0.01);
    }

    [Fact]
    public void Buckets_rise_with_duration_and_zero_has_its_own()
    {
        var durations = new[] { 0.01, 0.1, 1, 10, 100, 1000, 10_000 };

        var buckets = durations.Select(DurationHistogram.BucketOf).ToList();

        Assert.Equal(buckets.Order(), buckets);
        Assert.Equal(buckets.Count, buckets.Distinct().Count());
        Assert.Equal((DurationHistogram.ZeroBucket, 0.0), (DurationHistogram.BucketOf(0), DurationHistogram.ValueOf(DurationHistogram.ZeroBucket)));
        Assert.Equal(DurationHistogram.ZeroBucket, DurationHistogram.BucketOf(-5));
    }
}
