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

    [Theory]
    [InlineData(3, 4, 1, 4, 0.4857)] // Fisher's tea-tasting table
    [InlineData(1, 10, 11, 14, 0.002759)] // scipy.stats.fisher_exact([[1, 9], [11, 3]])
    [InlineData(0, 50, 0, 50, 1.0)]
    public void Fisher_exact_matches_the_known_answers(long successesA, long totalA, long successesB, long totalB, double expected) =>
        Assert.Equal(expected, FisherExact.TwoSidedP(successesA, totalA, successesB, totalB), precision: 4);

    [Fact]
    public void Two_proportions_uses_the_exact_p_when_a_group_never_failed()
    {
        // 0 of 49 against 6 of 43: an expected count below five, so Fisher's p (0.0088), not the z-test's.
        var result = TwoProportions.Test(0, 49, 6, 43);

        Assert.Equal(FisherExact.TwoSidedP(0, 49, 6, 43), result.P);
        Assert.False(result.SmallSample);
        Assert.True(result.Significant());
    }

    [Fact]
    public void Mann_whitney_from_rank_sums_is_the_same_test()
    {
        // a = [1, 2, 2], b = [2, 3]: pooled ranks 1, 3, 3, 3, 5; a's rank sum 7; one tie group of three (27 − 3 = 24).
        Assert.Equal(MannWhitney.Test([1, 2, 2], [2, 3]), MannWhitney.FromRankSum(3, 2, 7, 24));
    }

    [Fact]
    public void Poisson_rates_matches_the_known_answer()
    {
        // 10 calls in 100 runs against 30 in 100: z = (30 − 20) / √10 = 3.162, p = 0.00157.
        var result = PoissonRates.Test(10, 100, 30, 100);

        Assert.Equal(0.2, result.Statistic, precision: 9);
        Assert.Equal(3.162, result.Z, precision: 3);
        Assert.Equal(0.00157, result.P, precision: 4);
        Assert.True(result.Significant());
        Assert.True(PoissonRates.Test(1, 100, 3, 100).SmallSample);
    }

    [Fact]
    public void Holm_rejects_step_down_and_stops_at_the_first_survivor()
    {
        // Sorted: 0.01 ≤ 0.05/4, 0.015 ≤ 0.05/3, 0.03 > 0.05/2 stops; 0.04 is not rejected although it is below 0.05.
        Assert.Equal([true, false, true, false], MultipleComparisons.Holm([0.01, 0.04, 0.015, 0.03]));
        Assert.Empty(MultipleComparisons.Holm([]));
    }
}
