using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Tests.Statistics;

public sealed class PooledCountsTests
{
    [Fact]
    public void Percentiles_from_counts_are_those_of_the_values_they_stand_for()
    {
        double[] a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
        double[] b = [2, 7, 1, 8, 2, 8];
        var counts = Pool(a, b);

        foreach (var p in new[] { 0.0, 10, 50, 95, 99, 100 })
        {
            Assert.Equal(Percentiles.Of([.. a.Order()], p), PooledCounts.Percentile(counts, ofB: false, p), precision: 12);
            Assert.Equal(Percentiles.Of([.. b.Order()], p), PooledCounts.Percentile(counts, ofB: true, p), precision: 12);
        }

        Assert.Equal(a.Average(), PooledCounts.Mean(counts, ofB: false), precision: 12);
        Assert.Equal((11, 6), (PooledCounts.Count(counts, ofB: false), PooledCounts.Count(counts, ofB: true)));
    }

    [Fact]
    public void The_rank_test_from_counts_is_the_test_on_every_value_with_ties()
    {
        var random = new Random(11);
        var a = Enumerable.Range(0, 300).Select(_ => (double)random.Next(0, 40)).ToList();
        var b = Enumerable.Range(0, 200).Select(_ => (double)random.Next(5, 45)).ToList();

        var expected = MannWhitney.Test(b, a);
        var actual = PooledCounts.RankTest(Pool(a, b));

        Assert.Equal(expected.Statistic, actual.Statistic, precision: 6);
        Assert.Equal(expected.Z, actual.Z, precision: 9);
        Assert.Equal(expected.P, actual.P, precision: 9);
        Assert.True(actual.Z > 0); // B's values are larger
    }

    [Fact]
    public void Rows_of_one_value_are_added_and_an_empty_side_has_no_percentile()
    {
        var counts = PooledCounts.Of([new(5, 1, 0), new(2, 2, 0), new(5, 3, 0), new(7, 0, 0)]);

        Assert.Equal([new PooledCount(2, 2, 0), new PooledCount(5, 4, 0)], counts);
        Assert.True(double.IsNaN(PooledCounts.Percentile(counts, ofB: true, 50)));
        Assert.True(double.IsNaN(PooledCounts.Mean(counts, ofB: true)));
        Assert.True(double.IsNaN(PooledCounts.RankTest(counts).Z));
    }

    private static IReadOnlyList<PooledCount> Pool(IEnumerable<double> a, IEnumerable<double> b) =>
        PooledCounts.Of(a.Select(v => new PooledCount(v, 1, 0)).Concat(b.Select(v => new PooledCount(v, 0, 1))));
}
