using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        Assert.Equal(2.5, Percentiles.Of([1, 2, 3, 4], 50), precision: 9);
        Assert.Equal(95.05, Percentiles.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToList(), 95), precision: 9);
        Assert.Equal(7, Percentiles.Of([7], 99), precision: 9);
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.96, 0.9750021)]
    [InlineData(-1.0, 0.1586553)]
    public void The_normal_cdf_matches_tables(double z, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(z), precision: 6);

    [Fact]
    public void Mann_whitney_on_separated_samples_matches_the_known_answer()
    {
        // scipy.stats.mannwhitneyu([1,2,3], [4,5,6], method="asymptotic", use_continuity=True): U = 0, p = 0.0809.
        var result = MannWhitney.Test([1, 2, 3], [4, 5, 6]);

        Assert.Equal(0, result.Statistic);
        Assert.Equal(0.0809, result.P, precision: 3);
        Assert.True(result.SmallSample);
        Assert.False(result.Significant());
    }

    [Fact]
    public void Mann_whitney_handles_ties_and_flags_a_real_shift_in_large_samples()
    {
        var fast = Enumerable.Range(0, 200).Select(i => 100.0 + (i % 50)).ToList();
        var slow = Enumerable.Range(0, 200).Select(i => 120.0 + (i % 50)).ToList();
        var same = Enumerable.Range(0, 200).Select(i => 100.0 + (i % 50)).ToList();

        Assert.True(MannWhitney.Test(fast, slow).Significant());
        var identical = MannWhitney.Test(fast, same);
        Assert.False(identical.Significant());
        Assert.Equal(200 * 200 / 2.0, identical.Statistic);
    }

    [Fact]
    public void Two_proportions_matches_the_known_answer_and_flags_small_counts()
    {
        // 45/100 against 30/100: z = -2.191, p = 0.0285.
        var result = TwoProportions.Test(45, 100, 30, 100);

        Assert.Equal(-0.15, result.Statistic, precision: 9);
        Assert.Equal(-2.191, result.Z, precision: 3);
        Assert.Equal(0.0285, result.P, precision: 3);
        Assert.True(result.Significant());
        Assert.True(TwoProportions.Test(1, 10, 4, 10).SmallSample);
    }
}
