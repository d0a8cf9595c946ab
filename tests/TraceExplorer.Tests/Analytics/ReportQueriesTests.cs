using TraceExplorer.Core.Statistics;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Analytics;

/// <summary>The analytics queries on small hand-built data, against numbers worked out by hand.</summary>
public sealed class ReportQueriesTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Slow_steps_give_exact_percentiles_error_rate_and_total_per_tool()
    {
        var runs = Enumerable.Range(0, 10).Select(i => HandBuilt.Run($"r{i}", 1000, HandBuilt.Start.AddMinutes(i))).ToList();
        var steps = runs.Select((run, i) => HandBuilt.Step(run, 1, StepKind.Tool, "agent.tool", 10 * (i + 1), tool: "orders.lookup", status: i == 9 ? StepStatus.Error : StepStatus.Ok))
            .Append(HandBuilt.Step(runs[0], 2, StepKind.Tool, "agent.tool", 5, tool: "kb.search"));
        await _store.AddAsync([.. runs, .. steps]);
        var queries = _store.Get<SlowStepQueries>();

        var groups = await queries.GetGroupsAsync(new RunFilter(), StepGrouping.Tool);

        // 10, 20, …, 100 ms: p50 at 4.5 → 55; p95 at 8.55 → 95.5; p99 at 8.91 → 99.1.
        var lookup = groups[0];
        Assert.Equal("orders.lookup", lookup.Group);
        Assert.Equal((10, 55.0, 95.5, 99.1, 100.0, 1, 550.0), (lookup.Count, Math.Round(lookup.P50Ms, 9), Math.Round(lookup.P95Ms, 9), Math.Round(lookup.P99Ms, 9), lookup.MaxMs, lookup.Failures, lookup.TotalMs));
        Assert.Equal(0.1, lookup.ErrorRate);
        Assert.Equal(["orders.lookup", "kb.search"], groups.Select(g => g.Group));
        Assert.Equal(["Tool"], (await queries.GetGroupsAsync(new RunFilter(), StepGrouping.Kind)).Select(g => g.Group));

        var slowest = await queries.GetSlowestRunsAsync(new RunFilter(), StepGrouping.Tool, "orders.lookup", 3);
        Assert.Equal(["r9", "r8", "r7"], slowest.Select(s => s.RunId));
        Assert.True(slowest[0].Failed);

        var series = await queries.GetP95SeriesAsync(new RunFilter(), StepGrouping.Tool, ["orders.lookup"], TimeBucket.Day);
        Assert.Equal(95.5, Assert.Single(series).Value, precision: 9);
    }

    [Fact]
    public async Task Repeated_tools_count_runs_repeats_and_the_time_in_repeats()
    {
        var looping = HandBuilt.Run("looping", 1000);
        var once = HandBuilt.Run("once", 1000);
        await _store.AddAsync(
        [
            looping, once,
            HandBuilt.Step(looping, 1, StepKind.Retrieve, "agent.retrieve", 100, tool: "kb.search", argumentsHash: "h1"),
            HandBuilt.Step(looping, 2, StepKind.Retrieve, "agent.retrieve", 120, tool: "kb.search", argumentsHash: "h1"),
            HandBuilt.Step(looping, 3, StepKind.Retrieve, "agent.retrieve", 130, tool: "kb.search", argumentsHash: "h1"),
            HandBuilt.Step(looping, 4, StepKind.Retrieve, "agent.retrieve", 500, tool: "kb.search", argumentsHash: "h2"),
            HandBuilt.Step(once, 1, StepKind.Retrieve, "agent.retrieve", 90, tool: "kb.search", argumentsHash: "h1"),
            HandBuilt.Step(once, 2, StepKind.Tool, "agent.tool", 50, tool: "orders.lookup", argumentsHash: "o1"),
        ]);
        var queries = _store.Get<RepeatedToolQueries>();

        var tools = await queries.GetToolsAsync(new RunFilter(), minCalls: 2);

        var search = tools.Single(t => t.Tool == "kb.search");
        Assert.Equal((1, 2, 2, 250.0), (search.RunsAffected, search.RunsCalling, search.RepeatedCalls, search.TimeInRepeatsMs)); // calls 2 and 3: 120 + 130
        Assert.Equal(0.5, search.ShareOfRuns);
        Assert.Equal(0, tools.Single(t => t.Tool == "orders.lookup").RunsAffected);
        Assert.Equal(0, (await queries.GetToolsAsync(new RunFilter(), minCalls: 4)).Single(t => t.Tool == "kb.search").RunsAffected);

        var run = Assert.Single(await queries.GetRunsAsync(new RunFilter(), "kb.search", 2, 10));
        Assert.Equal(("looping", 3L), (run.RunId, run.Calls));
        Assert.Equal([1, 2, 3], run.StepNumbers);
    }

    [Fact]
    public async Task Loops_are_found_by_their_shortest_repeating_sequence_whatever_its_rotation()
    {
        var repeated = HandBuilt.Run("repeated", 1000);
        var alternating = HandBuilt.Run("alternating", 1000);
        var plain = HandBuilt.Run("plain", 1000);
        Step Search(Run run, int n) => HandBuilt.Step(run, n, StepKind.Retrieve, "agent.retrieve", 10, tool: "kb.search");
        Step Think(Run run, int n) => HandBuilt.Step(run, n, StepKind.Model, "agent.model", 10);
        Step Http(Run run, int n) => HandBuilt.Step(run, n, StepKind.Other, "GET /kb", 5);
        await _store.AddAsync(
        [
            repeated, alternating, plain,
            // kb.search three times in a row, with HTTP spans between that are not agent steps: two repeats of one step.
            Search(repeated, 1), Http(repeated, 2), Search(repeated, 3), Http(repeated, 4), Search(repeated, 5),
            // search, think, search, think, search: at steps 4 and 5 the last two steps equal the two before them,
            // once as "search → think" and once as "think → search": one loop, repeated at two steps.
            Search(alternating, 1), Think(alternating, 2), Search(alternating, 3), Think(alternating, 4), Search(alternating, 5),
            Search(plain, 1), Think(plain, 2),
        ]);
        var queries = _store.Get<RepeatedToolQueries>();

        var loops = await queries.GetLoopsAsync(new RunFilter());

        Assert.Equal(2, loops.Count);
        Assert.Contains(new StepLoop("Retrieve:kb.search", 1, 1, 2), loops);
        Assert.Contains(new StepLoop("Model:agent.model → Retrieve:kb.search", 2, 1, 2), loops);
        var runs = await queries.GetLoopRunsAsync(new RunFilter(), "Retrieve:kb.search", 10);
        Assert.Equal("repeated", runs[0].RunId);
        Assert.Equal([3, 5], runs[0].Steps);
    }

    [Fact]
    public async Task Validation_failures_are_shares_of_their_schema_and_attributed_to_the_version_that_introduced_them()
    {
        var entities = new List<object>();
        for (var i = 0; i < 100; i++)
        {
            var newer = i >= 50;
            var run = HandBuilt.Run($"v{i}", 1000, HandBuilt.Start.AddHours(i), prompt: newer ? "p2" : "p1");
            var failed = newer ? i % 5 == 0 : i == 0; // p1: 1 of 50 fail; p2: 10 of 50
            entities.Add(run);
            entities.Add(HandBuilt.Step(run, 1, StepKind.Validate, "agent.validate", 5, validationPassed: !failed, schema: "reply@v3", failureReason: failed ? "missing order_id" : null));
        }

        await _store.AddAsync(entities);
        var queries = _store.Get<ValidationQueries>();

        var failures = Assert.Single(await queries.GetFailuresAsync(new RunFilter()));
        Assert.Equal(("reply@v3", "missing order_id", 11L, 100L, 0.11), (failures.Schema, failures.Reason, failures.Failures, failures.Validations, failures.Share));
        var byVersion = await queries.GetByVersionAsync(new RunFilter());
        var prompts = byVersion.Where(r => r.Dimension == CompareDimension.PromptVersion).ToList();
        Assert.Equal([("p1", 1L), ("p2", 10L)], prompts.Select(r => (r.Version, r.Failures)));
        Assert.Equal("p2", ValidationIntroductions.Find(byVersion)[(CompareDimension.PromptVersion, "reply@v3")]);
        var failedRuns = await queries.GetFailedRunsAsync(new RunFilter(), "reply@v3", "missing order_id", limit: 3);
        Assert.Equal(["v95", "v90", "v85"], failedRuns.Select(r => r.RunId));
        Assert.Empty(await queries.GetFailedRunsAsync(new RunFilter(), "reply@v3", ValidationQueries.NoReason, limit: 3));
        // The last day holds hours 84 to 99 (the runs start at 12:00): 16 validations, 85, 90 and 95 failed.
        Assert.Equal(3 / 16.0, (await queries.GetTrendAsync(new RunFilter(), TimeBucket.Day)).Last().Value, precision: 9);
    }

    [Fact]
    public async Task A_harmless_change_shipped_before_a_harmful_one_is_not_blamed_for_its_failures()
    {
        // Hourly runs for 8 days: tool contract t1 → t2 at hour 30 (harmless), prompt p1 → p2 at hour 120, after
        // which every other validation fails. Over all time t2 carries p2's failures; around its own change it has none.
        var entities = new List<object>();
        for (var i = 0; i < 192; i++)
        {
            var run = HandBuilt.Run($"h{i}", 1000, HandBuilt.Start.AddHours(i), prompt: i >= 120 ? "p2" : "p1");
            run.ToolContractVersion = i >= 30 ? "t2" : "t1";
            var failed = i >= 120 && i % 2 == 0;
            entities.Add(run);
            entities.Add(HandBuilt.Step(run, 1, StepKind.Validate, "agent.validate", 5, validationPassed: !failed, schema: "reply@v3", failureReason: failed ? "missing order_id" : null));
        }

        await _store.AddAsync(entities);

        var byVersion = await _store.Get<ValidationQueries>().GetByVersionAsync(new RunFilter());
        var introduced = ValidationIntroductions.Find(byVersion);

        var (t1, t2) = (byVersion.Single(r => r.Version == "t1"), byVersion.Single(r => r.Version == "t2"));
        Assert.True(TwoProportions.Test(t1.Failures, t1.Validations, t2.Failures, t2.Validations).Significant(0.01)); // all time would blame t2
        Assert.Equal("p2", introduced[(CompareDimension.PromptVersion, "reply@v3")]);
        Assert.False(introduced.ContainsKey((CompareDimension.ToolContractVersion, "reply@v3")));
    }

    [Fact]
    public async Task Complaint_rates_per_value_mark_the_one_far_above_the_rest()
    {
        var entities = new List<object>();
        for (var i = 0; i < 200; i++)
        {
            var policy = (i % 4) switch { 0 => "bad", 1 => "a", 2 => "b", _ => "c" };
            var run = HandBuilt.Run($"c{i}", 1000, policy: policy);
            entities.Add(run);
            if ((policy == "bad" && i % 8 != 4) || i % 50 == 1)
            {
                entities.Add(new Complaint { RunId = run.RunId, ExternalId = $"t-{i}", Time = HandBuilt.Start });
            }
        }

        await _store.AddAsync(entities);
        var queries = _store.Get<ComplaintQueries>();
        Assert.True(await queries.AddAsync("c1", "t-1", "again", HandBuilt.Start)); // the same complaint again is stored once
        Assert.True(await queries.AddAsync("c1", "t-extra", null, HandBuilt.Start));
        Assert.False(await queries.AddAsync("no-such-run", "t-2", null, HandBuilt.Start));

        var rates = (await queries.GetRatesAsync(new RunFilter())).Where(r => r.Dimension == CompareDimension.PolicyVersion).ToList();

        var bad = rates.Single(r => r.Value == "bad");
        Assert.Equal((50L, 25L, 0.5), (bad.Runs, bad.RunsWithComplaints, bad.Share));
        Assert.True(bad.FarAbove);
        var a = rates.Single(r => r.Value == "a");
        Assert.Equal((50L, 2L, 3L, 0.06), (a.Runs, a.RunsWithComplaints, a.Complaints, a.PerRun)); // c1 and c101; c1 has two complaints
        Assert.DoesNotContain(rates, r => r.Value != "bad" && r.FarAbove);
    }

    [Fact]
    public async Task The_latency_report_buckets_runs_and_counts_those_over_the_slo()
    {
        var hour = HandBuilt.Start;
        await _store.AddAsync(
        [
            HandBuilt.Run("l1", 100, hour.AddMinutes(1), route: "primary"),
            HandBuilt.Run("l2", 300, hour.AddMinutes(2), route: "primary"),
            HandBuilt.Run("l3", 2000, hour.AddMinutes(3), RunStatus.Error, route: "fallback"),
            HandBuilt.Run("l4", 400, hour.AddMinutes(70), route: "primary"),
        ]);
        var queries = _store.Get<LatencyReportQueries>();

        var series = await queries.GetSeriesAsync(new RunFilter(), LatencyGrouping.Route, TimeBucket.Hour, sloMs: 250);

        Assert.Equal(3, series.Count);
        Assert.Equal(new LatencyPoint("primary", hour, 2, 0, 1, 200, 290, 298), series[1] with { P50Ms = Math.Round(series[1].P50Ms, 9), P95Ms = Math.Round(series[1].P95Ms, 9), P99Ms = Math.Round(series[1].P99Ms, 9) });
        Assert.Equal(("fallback", 1L, 1L), (series[0].Series, series[0].Failed, series[0].OverSlo));
        var summary = await queries.GetSummaryAsync(new RunFilter { To = hour.AddHours(1) }, sloMs: 250);
        Assert.Equal((3L, 1L, 2L), (summary.Runs, summary.Failed, summary.OverSlo));
        Assert.Equal(1830, summary.P95Ms, precision: 9); // 300 + 0.9 × 1700
    }

    [Fact]
    public async Task Decisions_filter_exactly_and_link_to_their_step()
    {
        var run = HandBuilt.Run("d1", 1000);
        var step = HandBuilt.Step(run, 4, StepKind.Tool, "agent.tool", 10, tool: "refund.issue");
        await _store.AddAsync(
        [
            run, step,
            new Decision { RunId = "d1", TraceId = run.TraceId, SpanId = step.SpanId, Time = HandBuilt.Start, Kind = DecisionKind.PolicyBlock, Outcome = "blocked", PolicyId = "refund-limit", Actor = "policy-engine", Target = "refund.issue" },
            new Decision { RunId = "d1", Time = HandBuilt.Start.AddSeconds(1), Kind = DecisionKind.Approval, Outcome = "approved", PolicyId = "refund-limit", Actor = "alice" },
        ]);
        var queries = _store.Get<DecisionQueries>();

        var blocked = await queries.GetAsync(new DecisionFilter { Kind = DecisionKind.PolicyBlock }, 1, 50);
        var byPolicy = await queries.GetAsync(new DecisionFilter { PolicyId = "refund-limit" }, 1, 50);

        Assert.Equal(4, Assert.Single(blocked.Items).StepNumber);
        Assert.Equal(2, byPolicy.TotalCount);
        Assert.Equal(DecisionKind.Approval, byPolicy.Items[0].Kind); // newest first
        Assert.Null(byPolicy.Items[0].StepNumber);
        Assert.Empty((await queries.GetAsync(new DecisionFilter { Actor = "bob" }, 1, 50)).Items);
        var counts = await queries.GetCountsAsync(new DecisionFilter(), TimeBucket.Day);
        Assert.Equal([("Approval", 1.0), ("PolicyBlock", 1.0)], counts.Select(c => (c.Series, c.Value)));
        Assert.Equal(HandBuilt.Start.Date, counts[0].Bucket);
        var hourly = await queries.GetCountsAsync(new DecisionFilter(), TimeBucket.Hour);
        Assert.Equal([HandBuilt.Start, HandBuilt.Start], hourly.Select(c => c.Bucket)); // 12:00, the hour both decisions fall in
    }
}
