using TraceExplorer.Core.Explain;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Tests.Explain;

public sealed class ExplainStatisticsTests
{
    [Fact]
    public void Holm_adjusted_p_values_match_the_known_answer()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        var adjusted = MultipleComparisons.HolmAdjusted([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 9)));
    }

    [Fact]
    public void Holm_adjusted_p_values_never_exceed_one_and_agree_with_holm_rejections()
    {
        double[] p = [0.2, 0.6, 0.001, 0.012, 0.9];
        var adjusted = MultipleComparisons.HolmAdjusted(p);

        Assert.All(adjusted, a => Assert.InRange(a, 0, 1));
        Assert.Equal(MultipleComparisons.Holm(p), adjusted.Select(a => a < 0.05));
    }

    [Fact]
    public void Lift_and_explained_share_follow_the_shares()
    {
        Assert.Equal(160, ExplainShares.Lift(48, 100, 3, 1000), precision: 9);
        Assert.Equal(0.56, ExplainShares.Explains(97, 100, 41, 100), precision: 9);
        Assert.Equal(0, ExplainShares.Explains(10, 100, 50, 100));
        Assert.True(double.IsPositiveInfinity(ExplainShares.Lift(5, 10, 0, 10)));
        Assert.True(double.IsNaN(ExplainShares.Lift(0, 10, 0, 10)));
    }

    [Fact]
    public void A_value_in_nearly_every_run_of_both_sides_is_recognised()
    {
        Assert.True(ExplainShares.InNearlyEveryRun(99, 100, 960, 1000));
        Assert.False(ExplainShares.InNearlyEveryRun(99, 100, 500, 1000));
    }

    [Fact]
    public void Binomial_log_likelihood_matches_the_known_answer() =>
        Assert.Equal(2 * Math.Log(0.5), RateChangePoint.LogLikelihood(1, 2), precision: 12);

    [Fact]
    public void The_change_point_is_the_first_hour_of_the_higher_rate()
    {
        var series = Enumerable.Range(0, 10).Select(i => i < 6 ? (1L, 100L) : (40L, 100L)).ToList();

        var change = RateChangePoint.FindRise(series);

        Assert.NotNull(change);
        Assert.Equal(6, change.Index);
        Assert.Equal(0.01, change.RateBefore, precision: 9);
        Assert.Equal(0.40, change.RateAfter, precision: 9);
        var expected = 2 * (RateChangePoint.LogLikelihood(6, 600) + RateChangePoint.LogLikelihood(160, 400) - RateChangePoint.LogLikelihood(166, 1000));
        Assert.Equal(expected, change.LikelihoodRatio, precision: 9);
    }

    [Fact]
    public void A_flat_or_falling_rate_has_no_rise()
    {
        Assert.Null(RateChangePoint.FindRise(Enumerable.Repeat((5L, 100L), 12).ToList()));
        Assert.Null(RateChangePoint.FindRise(Enumerable.Range(0, 10).Select(i => i < 5 ? (40L, 100L) : (1L, 100L)).ToList()));
    }

    [Fact]
    public void A_rise_in_too_few_runs_is_not_a_change() =>
        Assert.Null(RateChangePoint.FindRise([(0, 10), (0, 5), (3, 3)]));
}
