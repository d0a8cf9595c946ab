using TraceExplorer.Core.Compare;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Tests.Compare;

public sealed class StepGroupVerdictsTests
{
    private const long Runs = 500;

    [Fact]
    public void A_step_that_fails_more_often_in_b_is_worse_and_leads_the_table()
    {
        var groups = StepGroupVerdicts.Judge(
        [
            Sides(StepKind.Tool, "kb.search", Stats(1000, failures: 10), Stats(1000, failures: 10)),
            Sides(StepKind.Tool, "orders.lookup", Stats(1000, failures: 10), Stats(1000, failures: 200)),
        ], Runs, Runs, enoughRuns: true);

        Assert.Equal(["orders.lookup", "kb.search"], groups.Select(g => g.Name));
        Assert.True(groups[0].FailuresWorse);
        Assert.True(groups[0].Regressed);
        Assert.False(groups[1].Regressed);
    }

    [Fact]
    public void With_too_few_runs_the_tests_are_shown_and_nothing_is_claimed()
    {
        var groups = StepGroupVerdicts.Judge([Sides(StepKind.Tool, "orders.lookup", Stats(1000, failures: 10), Stats(1000, failures: 200))], Runs, Runs, enoughRuns: false);

        Assert.True(groups[0].Failures.Z > 0);
        Assert.False(groups[0].Regressed);
    }

    [Fact]
    public void A_step_only_b_ran_is_a_changed_path_not_more_calls()
    {
        var groups = StepGroupVerdicts.Judge([Sides(StepKind.Tool, "refund.create", StepGroupStats.None, Stats(1000, failures: 0))], Runs, Runs, enoughRuns: true);

        Assert.True(groups[0].IsNew);
        Assert.False(groups[0].CallsWorse);
    }

    [Fact]
    public void More_calls_per_run_of_a_step_both_ran_is_worse()
    {
        var groups = StepGroupVerdicts.Judge([Sides(StepKind.Tool, "kb.search", Stats(500, failures: 0), Stats(1500, failures: 0))], Runs, Runs, enoughRuns: true);

        Assert.True(groups[0].CallsWorse);
    }

    [Fact]
    public void Among_steps_that_did_not_regress_an_agent_step_comes_before_the_http_span_inside_it()
    {
        var groups = StepGroupVerdicts.Judge(
        [
            Sides(StepKind.Other, "GET /v2/orders/{id}", Stats(1000, failures: 10), Stats(1000, failures: 10)),
            Sides(StepKind.Tool, "orders.lookup", Stats(1000, failures: 10), Stats(1000, failures: 10)),
        ], Runs, Runs, enoughRuns: true);

        Assert.Equal([StepKind.Tool, StepKind.Other], groups.Select(g => g.Kind));
    }

    [Fact]
    public void Exact_figures_give_the_rank_test_of_every_duration_b_against_a()
    {
        var random = new Random(5);
        var a = Enumerable.Range(0, 120).Select(_ => (double)random.Next(100, 140)).ToList();
        var b = Enumerable.Range(0, 80).Select(_ => (double)random.Next(110, 150)).ToList();
        var (rankSumA, rankSumB, tieTerm) = PooledRanks(a, b);

        var sides = StepGroupSides.FromExact(
        [
            new StepGroupExact(StepKind.Tool, "kb.search", 0, a.Count, 3, a.Sum(), 120, 138, rankSumA, tieTerm / 2),
            new StepGroupExact(StepKind.Tool, "kb.search", 1, b.Count, 5, b.Sum(), 130, 148, rankSumB, tieTerm / 2),
        ], runsA: 60, runsB: 40);

        var expected = MannWhitney.Test(b, a);
        var group = Assert.Single(sides);
        Assert.Equal(expected.Z, group.Latency.Z, precision: 9);
        Assert.Equal(expected.P, group.Latency.P, precision: 9);
        Assert.Equal(new StepGroupStats(120, 3, 120, 138, a.Sum(), 2), group.A);
        Assert.Equal(new StepGroupStats(80, 5, 130, 148, b.Sum(), 2), group.B);
    }

    [Fact]
    public void A_group_one_cohort_lacks_has_no_figures_there()
    {
        var sides = StepGroupSides.FromExact([new StepGroupExact(StepKind.Model, "gpt-4o", 1, 10, 0, 900, 90, 95, 55, 0)], runsA: 10, runsB: 10);

        Assert.Equal(StepGroupStats.None, Assert.Single(sides).A);
        Assert.True(sides[0].Latency.SmallSample);
    }

    private static StepGroupStats Stats(long count, long failures) => new(count, failures, 100, 200, count * 100.0, StepGroupStats.PerRun(count, Runs));

    private static StepGroupSides Sides(StepKind kind, string name, StepGroupStats a, StepGroupStats b) =>
        new(kind, name, a, b, MannWhitney.FromRankSum(b.Count, a.Count, b.Count * (a.Count + b.Count + 1) / 2.0, 0));

    /// <summary>Each sample's rank sum in the pooled order (ties at their mean rank) and the tie term Σ(t³ − t).</summary>
    private static (double A, double B, double TieTerm) PooledRanks(List<double> a, List<double> b)
    {
        var pooled = a.Concat(b).Order().ToList();
        double Rank(double value) => (pooled.IndexOf(value) + 1 + pooled.LastIndexOf(value) + 1) / 2.0;
        var tieTerm = pooled.GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        return (a.Sum(Rank), b.Sum(Rank), tieTerm);
    }
}
