using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Analytics;

public sealed class CohortComparisonQueriesTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private CohortComparisonQueries Queries => _store.Get<CohortComparisonQueries>();

    [Fact]
    public async Task Hand_built_cohorts_give_the_worked_out_figures()
    {
        // A: five runs of 100..500 ms, one failed. B: five runs of 600..1000 ms, three failed.
        var entities = new List<object>();
        for (var i = 0; i < 5; i++)
        {
            var a = HandBuilt.Run($"a{i}", 100 * (i + 1), status: i == 0 ? RunStatus.Error : RunStatus.Ok, policy: "p1", stepCount: 2, toolCalls: 1);
            var b = HandBuilt.Run($"b{i}", 100 * (i + 6), status: i < 3 ? RunStatus.Error : RunStatus.Ok, policy: "p2", stepCount: 4, toolCalls: 3);
            entities.AddRange([a, b]);
            entities.Add(HandBuilt.Step(a, 1, StepKind.Tool, "agent.tool", 50, tool: "orders.lookup"));
            entities.Add(HandBuilt.Step(b, 1, StepKind.Tool, "agent.tool", 5000, tool: "orders.lookup", status: i < 3 ? StepStatus.Error : StepStatus.Ok));
            entities.Add(HandBuilt.Step(b, 2, StepKind.Tool, "agent.tool", 40, tool: "kb.search"));
        }

        entities.Add(new Decision { RunId = "b0", Kind = DecisionKind.PolicyBlock, Time = HandBuilt.Start, Outcome = "blocked" });
        entities.Add(new Complaint { RunId = "b1", ExternalId = "c-1", Time = HandBuilt.Start });
        await _store.AddAsync(entities);

        var result = await Queries.CompareAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "p1", B = "p2" });

        Assert.Equal((5, 5), (result.RunsA, result.RunsB));
        var metric = result.Metrics.ToDictionary(m => m.Name);
        Assert.Equal(300, metric["p50 latency"].A, precision: 9);
        Assert.Equal(480, metric["p95 latency"].A, precision: 9); // position 0.95 × 4 = 3.8: 400 + 0.8 × 100
        Assert.Equal(980, metric["p95 latency"].B, precision: 9);
        Assert.Equal((0.2, 0.6), (metric["Error rate"].A, metric["Error rate"].B));
        Assert.Equal((2.0, 4.0), (metric["Steps per run"].A, metric["Steps per run"].B));
        Assert.Equal((0.0, 0.2), (metric["Policy-block rate"].A, metric["Policy-block rate"].B));
        Assert.Equal((0.0, 0.2), (metric["Complaint rate"].A, metric["Complaint rate"].B));

        // The database's rank sums give exactly the in-memory test (U of B = 25: every B run is slower).
        var expected = MannWhitney.Test([600, 700, 800, 900, 1000], [100, 200, 300, 400, 500]);
        Assert.Equal(expected, metric["p50 latency"].Test);
        Assert.Equal(25, metric["p50 latency"].Test!.Statistic);
        Assert.True(metric["p50 latency"].Test!.SmallSample);
        Assert.False(metric["p50 latency"].Regressed); // five runs each: flagged as a small sample, not claimed
        Assert.Equal(TwoProportions.Test(1, 5, 3, 5), metric["Error rate"].Test);

        var lookup = result.StepGroups.Single(g => g.Name == "orders.lookup");
        Assert.Equal((5, 5, 0, 3), (lookup.A.Count, lookup.B.Count, lookup.A.Failures, lookup.B.Failures));
        Assert.Equal((50.0, 5000.0), (lookup.A.P95Ms, lookup.B.P95Ms));
        Assert.Equal(MannWhitney.Test([5000, 5000, 5000, 5000, 5000], [50, 50, 50, 50, 50]), lookup.Latency); // ties within each cohort
        var search = result.StepGroups.Single(g => g.Name == "kb.search");
        Assert.Equal((0.0, 1.0), (search.A.CallsPerRun, search.B.CallsPerRun));
        Assert.Equal(PoissonRates.Test(0, 5, 5, 5), search.Calls);

        Assert.NotNull(result.TypicalRunA);
        Assert.Equal("a2", result.TypicalRunA); // the successful run closest to A's median of 300 ms
        Assert.Equal("b3", result.TypicalRunB); // b2 (800 ms) failed; b3 (900 ms) is the nearest success
        Assert.Equal(1.0, result.Distribution.Sum(bin => bin.ShareA), precision: 9);
        Assert.Equal(1.0, result.Distribution.Sum(bin => bin.ShareB), precision: 9);
    }

    [Fact]
    public async Task Percentiles_and_rank_sums_in_sql_match_the_in_memory_definitions_with_ties()
    {
        var random = new Random(7);
        var durations = Enumerable.Range(0, 240).Select(_ => (double)random.Next(50, 90)).ToList(); // many ties
        var runs = durations.Select((d, i) => HandBuilt.Run($"r{i}", i % 3 == 0 ? d + 5 : d, policy: i % 3 == 0 ? "new" : "old")).ToList();
        await _store.AddAsync(runs);

        var result = await Queries.CompareAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "old", B = "new" });

        var a = runs.Where(r => r.PolicyVersion == "old").Select(r => r.DurationMs).Order().ToList();
        var b = runs.Where(r => r.PolicyVersion == "new").Select(r => r.DurationMs).Order().ToList();
        var metric = result.Metrics.ToDictionary(m => m.Name);
        Assert.Equal(Percentiles.Of(a, 50), metric["p50 latency"].A, precision: 9);
        Assert.Equal(Percentiles.Of(b, 95), metric["p95 latency"].B, precision: 9);
        var expected = MannWhitney.Test(b, a);
        var actual = metric["p50 latency"].Test!;
        Assert.Equal(expected.Statistic, actual.Statistic, precision: 6);
        Assert.Equal(expected.Z, actual.Z, precision: 9);
        Assert.True(actual.Significant());
        Assert.True(metric["p50 latency"].Regressed);
    }

    [Fact]
    public async Task Defaults_pick_the_two_most_recent_values_and_a_window_around_the_change()
    {
        await _store.AddAsync(
        [
            HandBuilt.Run("old", 100, HandBuilt.Start, policy: "v1"),
            HandBuilt.Run("mid", 100, HandBuilt.Start.AddDays(2), policy: "v2"),
            HandBuilt.Run("new", 100, HandBuilt.Start.AddDays(4), policy: "v3"),
        ]);

        var request = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion });

        Assert.NotNull(request);
        Assert.Equal(("v2", "v3"), (request.A, request.B));
        Assert.Equal(HandBuilt.Start.AddDays(4) - CohortComparisonQueries.ChangeWindow, request.Filter.From);
        var whole = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "v1", WholeRange = true });
        Assert.Equal(("v1", "v3"), (whole!.A, whole.B));
        Assert.Null(whole.Filter.From);

        var before = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.Time });
        Assert.Equal(HandBuilt.Start.AddDays(4), before!.At); // the latest change

        Assert.Null(await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.Route }));
    }

    [Fact]
    public async Task A_model_cohort_holds_the_runs_that_used_the_model_and_not_the_other()
    {
        await _store.AddAsync(
        [
            HandBuilt.Run("m1", 100, models: "gpt-4o"),
            HandBuilt.Run("m2", 100, models: "claude-sonnet-4-5, gpt-4o-mini"),
            HandBuilt.Run("both", 100, models: "claude-sonnet-4-5, gpt-4o"),
        ]);

        var result = await Queries.CompareAsync(new CohortRequest { Dimension = CompareDimension.Model, A = "gpt-4o", B = "claude-sonnet-4-5" });

        Assert.Equal((1, 1), (result.RunsA, result.RunsB));
    }
}
