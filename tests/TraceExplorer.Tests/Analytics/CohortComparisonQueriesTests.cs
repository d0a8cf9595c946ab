using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Rollups;
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
        // Run latencies are read from buckets 2 % wide: each percentile within 1 % of the exact one.
        AssertWithinOnePercent(300, metric["p50 latency"].A);
        AssertWithinOnePercent(480, metric["p95 latency"].A); // position 0.95 × 4 = 3.8: 400 + 0.8 × 100
        AssertWithinOnePercent(980, metric["p95 latency"].B);
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
        Assert.Contains(result.TypicalRunA, new[] { "a2", "a3" }); // A's successes are 200 to 500 ms: a2 and a3 are equally near the median of 350
        Assert.Equal("b3", result.TypicalRunB); // b2 (800 ms) failed; b3 (900 ms) is the nearest success
        Assert.Equal(1.0, result.Distribution.Sum(bin => bin.ShareA), precision: 9);
        Assert.Equal(1.0, result.Distribution.Sum(bin => bin.ShareB), precision: 9);
    }

    [Fact]
    public async Task Percentiles_and_the_rank_test_on_bucket_values_are_the_in_memory_ones_with_ties()
    {
        // Durations that are bucket values lose nothing to binning: the figures are the exact ones.
        var random = new Random(7);
        var durations = Enumerable.Range(0, 240).Select(_ => OnBucket(random.Next(50, 90))).ToList(); // many ties
        var runs = durations.Select((d, i) => HandBuilt.Run($"r{i}", i % 3 == 0 ? OnBucket(d + 5) : d, policy: i % 3 == 0 ? "new" : "old")).ToList();
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
    private static Run OfAgent(string agent, string runId, double durationMs, DateTime start, string policy, string? route = "primary", RunStatus status = RunStatus.Ok)
    {
        var run = HandBuilt.Run(runId, durationMs, start, status: status, policy: policy, route: route);
        run.AgentName = agent;
        return run;
    }

    [Fact]
    public async Task Defaults_stay_within_one_agent_when_two_agents_versions_interleave()
    {
        // support-agent: s1 then s2 (day 3); billing-agent: b1, b2 in between; the sample agent's only version is the newest of all.
        var runs = new List<Run>();
        for (var i = 0; i < 30; i++)
        {
            runs.Add(OfAgent("support-agent", $"s1-{i}", 100, HandBuilt.Start.AddMinutes(i), "s1"));
            runs.Add(OfAgent("support-agent", $"s2-{i}", 100, HandBuilt.Start.AddDays(3).AddMinutes(i), "s2"));
            runs.Add(OfAgent("billing-agent", $"b1-{i}", 100, HandBuilt.Start.AddDays(1).AddMinutes(i), "b1"));
            runs.Add(OfAgent("billing-agent", $"b2-{i}", 100, HandBuilt.Start.AddDays(2).AddMinutes(i), "b2"));
        }

        for (var i = 0; i < 5; i++)
        {
            runs.Add(OfAgent("sample-agent", $"x-{i}", 100, HandBuilt.Start.AddDays(4).AddMinutes(i), "sample-v1"));
        }

        await _store.AddAsync(runs);

        var request = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion });

        Assert.NotNull(request);
        Assert.Equal(("support-agent", "s1", "s2"), (request.Filter.Agent, request.A, request.B)); // not s2 against sample-v1
        var result = await Queries.CompareAsync(request with { WholeRange = true, Filter = request.Filter with { From = null, To = null } });
        Assert.Equal(("support-agent", false), (result.Agent, result.CrossAgent));

        // Within billing-agent, its own latest two; B alone asked for: A is the latest other value of B's agent.
        var billing = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, Filter = new RunFilter { Agent = "billing-agent" } });
        Assert.Equal(("b1", "b2"), (billing!.A, billing.B));
        var onlyB = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, B = "b2" });
        Assert.Equal(("billing-agent", "b1"), (onlyB!.Filter.Agent, onlyB.A));

        // Before and after: the latest change within one agent (the sample agent's first runs are no change), over that agent's runs.
        var before = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.Time });
        Assert.Equal(("support-agent", HandBuilt.Start.AddDays(3)), (before!.Filter.Agent, before.At));
        var aroundB2 = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.Time, Filter = new RunFilter { Agent = "billing-agent" } });
        Assert.Equal(("billing-agent", HandBuilt.Start.AddDays(2)), (aroundB2!.Filter.Agent, aroundB2.At));
        var sameAgent = await Queries.CompareAsync(before with { Filter = before.Filter with { From = null, To = null } });
        Assert.Equal(["support-agent"], sameAgent.AgentsA);
        Assert.Equal(["support-agent"], sameAgent.AgentsB);
        Assert.False(sameAgent.CrossAgent);
    }

    [Fact]
    public async Task Values_of_different_agents_are_compared_only_when_asked_and_flagged()
    {
        await _store.AddAsync(
        [
            OfAgent("support-agent", "s", 100, HandBuilt.Start, "s1"),
            OfAgent("sample-agent", "x", 100, HandBuilt.Start.AddDays(1), "sample-v1"),
        ]);

        Assert.Null(await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion })); // no agent has two values

        var asked = await Queries.WithDefaultsAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "s1", B = "sample-v1" });
        Assert.NotNull(asked);
        Assert.Null(asked.Filter.Agent);
        var result = await Queries.CompareAsync(asked);
        Assert.True(result.CrossAgent);
        Assert.Equal(["support-agent"], result.AgentsA);
        Assert.Equal(["sample-agent"], result.AgentsB);
    }

    [Fact]
    public async Task A_cohort_under_the_minimum_tests_nothing_however_large_the_difference()
    {
        var runs = new List<Run>();
        for (var i = 0; i < 200; i++)
        {
            runs.Add(HandBuilt.Run($"a{i}", 100 + i, policy: "p1"));
        }

        for (var i = 0; i < 25; i++)
        {
            runs.Add(HandBuilt.Run($"b{i}", 90_000 + i, status: RunStatus.Error, policy: i < 5 ? "five" : "twenty"));
        }

        await _store.AddAsync(runs);

        var five = await Queries.CompareAsync(new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "p1", B = "five" });

        Assert.False(five.EnoughRuns);
        Assert.Equal(CohortRequest.DefaultMinRuns, five.MinRuns);
        Assert.All(five.Metrics.Where(m => m.Test is not null), m => Assert.True(m.NotTestable && !m.Significant && !m.Regressed, m.Name));

        // Twenty runs are enough by default, and not when the minimum is raised.
        var twenty = new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "p1", B = "twenty" };
        var tested = await Queries.CompareAsync(twenty);
        Assert.True(tested.EnoughRuns);
        Assert.True(tested.Metrics.Single(m => m.Name == "Error rate").Regressed);
        var raised = await Queries.CompareAsync(twenty with { MinRuns = 30 });
        Assert.False(raised.EnoughRuns);
        Assert.DoesNotContain(raised.Metrics, m => m.Significant);
    }

    [Fact]
    public async Task Typical_runs_and_the_worst_run_pair_share_an_agent_and_route()
    {
        // A is mostly support-agent on primary, B mostly billing-agent on refunds: the pair both have most of is billing's.
        var runs = new List<object>();
        for (var i = 0; i < 6; i++)
        {
            runs.Add(OfAgent("support-agent", $"a-sup-{i}", 100 + i, HandBuilt.Start.AddMinutes(i), "p1"));
        }

        for (var i = 0; i < 3; i++)
        {
            runs.Add(OfAgent("billing-agent", $"a-bil-{i}", 500 + 10 * i, HandBuilt.Start.AddMinutes(10 + i), "p1", route: "refunds"));
        }

        for (var i = 0; i < 2; i++)
        {
            var run = OfAgent("support-agent", $"b-sup-{i}", 100 + i, HandBuilt.Start.AddMinutes(20 + i), "p2");
            runs.Add(run);
            runs.Add(HandBuilt.Step(run, 1, StepKind.Tool, "agent.tool", i == 0 ? 9000 : 10, tool: "orders.lookup"));
        }

        for (var i = 0; i < 5; i++)
        {
            runs.Add(OfAgent("billing-agent", $"b-bil-{i}", 600 + 10 * i, HandBuilt.Start.AddMinutes(30 + i), "p2", route: "refunds"));
        }

        runs.Add(OfAgent("billing-agent", "b-bil-failed", 600, HandBuilt.Start.AddMinutes(40), "p2", route: "refunds", status: RunStatus.Error));
        await _store.AddAsync(runs);
        var request = new CohortRequest { Dimension = CompareDimension.PolicyVersion, A = "p1", B = "p2" };

        var result = await Queries.CompareAsync(request);

        Assert.Equal(("billing-agent", "refunds"), (result.TypicalAgent, result.TypicalRoute));
        Assert.Equal("a-bil-1", result.TypicalRunA); // the median of 500, 510, 520
        Assert.Equal("b-bil-2", result.TypicalRunB); // the median of 600..640; the failed run is never typical

        // B's worst orders.lookup is a support-agent run on primary: it is diffed with A's typical run of the same.
        var pair = await Queries.WorstRunPairAsync(request, StepKind.Tool, "orders.lookup");
        Assert.Equal("b-sup-0", pair?.B);
        Assert.Contains(pair!.A, new[] { "a-sup-2", "a-sup-3" }); // the median of A's support runs (100..105) is 102.5: 102 and 103 ms are equally near
    }

    private static double OnBucket(double durationMs) => DurationHistogram.ValueOf(DurationHistogram.BucketOf(durationMs));

    private static void AssertWithinOnePercent(double exact, double estimate) =>
        Assert.InRange(estimate, exact * (1 - DurationHistogram.RelativeError) - 1e-9, exact * (1 + DurationHistogram.RelativeError) + 1e-9);
}
