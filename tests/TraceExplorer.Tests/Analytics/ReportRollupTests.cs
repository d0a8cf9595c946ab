using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Deletion;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Analytics;

/// <summary>
/// The slow-steps, repeated-tools and validation reports read whole hours from the rollups and the rest from the steps; the two
/// must add up to exactly what the steps alone give, for any range and filter, and a write must never be hidden.
/// </summary>
public sealed class ReportRollupTests : IAsyncLifetime
{
    // Runs every 20 minutes over six hours from 12:00; versions, routes and models vary with the run's number.
    private const int RunCount = 18;
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        await _store.AddAsync(Runs());
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public static TheoryData<string> Filters => ["all", "mid-hour range", "hour range", "prompt", "model and route", "status"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Reports_from_rollups_and_steps_equal_the_reports_from_the_steps_alone(string name)
    {
        var filter = Filter(name);
        var fromSteps = await ReportsAsync(filter);

        // Six hours of runs and the empty hour after them, up to the clock's current hour.
        Assert.Equal(7, await RollUpAsync());

        var rolledUp = await ReportsAsync(filter);
        Assert.Equal(fromSteps, rolledUp);
        Assert.Contains("kb.search", fromSteps);
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var scope = await ReportScope.CreateAsync(db, new SqlQuery(SqlDialect.For(db)), filter, DateTime.UtcNow, CancellationToken.None);
        Assert.Equal(name != "status", scope.HasRollups);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Slow_steps_from_rollups_keep_exact_counts_and_estimate_percentiles_within_one_percent(string name)
    {
        var filter = Filter(name);
        var queries = _store.Get<SlowStepQueries>();
        var exact = await queries.GetGroupsAsync(filter, StepGrouping.Tool);
        var exactSeries = await queries.GetP95SeriesAsync(filter, StepGrouping.Tool, ["kb.search", "orders.lookup"], TimeBucket.Hour);
        var exactSlowest = await queries.GetSlowestRunsAsync(filter, StepGrouping.Tool, "kb.search", 5);
        var exactSlowestKind = await queries.GetSlowestRunsAsync(filter, StepGrouping.Kind, "Retrieve", SlowStepQueries.MaxSlowestRuns);

        await RollUpAsync();
        var rolledUp = await queries.GetGroupsAsync(filter, StepGrouping.Tool);
        var rolledUpSeries = await queries.GetP95SeriesAsync(filter, StepGrouping.Tool, ["kb.search", "orders.lookup"], TimeBucket.Hour);

        // The slowest runs of a group are exact either way: the rollups keep the slowest runs of each hour.
        Assert.NotEmpty(exactSlowest);
        Assert.Equal(exactSlowest, await queries.GetSlowestRunsAsync(filter, StepGrouping.Tool, "kb.search", 5));
        Assert.Equal(exactSlowestKind, await queries.GetSlowestRunsAsync(filter, StepGrouping.Kind, "Retrieve", SlowStepQueries.MaxSlowestRuns));

        Assert.NotEmpty(exact);
        Assert.All(exact, g => Assert.False(g.Estimated));
        Assert.All(rolledUp, g => Assert.Equal(name != "status", g.Estimated));
        Assert.Equal(exact.Select(g => (g.Group, g.Count, g.Failures, g.TotalMs, g.MaxMs)), rolledUp.Select(g => (g.Group, g.Count, g.Failures, g.TotalMs, g.MaxMs)));
        foreach (var (e, r) in exact.Zip(rolledUp))
        {
            AssertWithinOnePercent(e.P50Ms, r.P50Ms);
            AssertWithinOnePercent(e.P95Ms, r.P95Ms);
            AssertWithinOnePercent(e.P99Ms, r.P99Ms);
            Assert.True(r.P99Ms <= r.MaxMs);
        }

        Assert.Equal(exactSeries.Select(p => (p.Series, p.Bucket)), rolledUpSeries.Select(p => (p.Series, p.Bucket)));
        foreach (var (e, r) in exactSeries.Zip(rolledUpSeries))
        {
            AssertWithinOnePercent(e.Value, r.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Latency_from_rollups_keeps_exact_counts_and_estimates_percentiles_within_one_percent(string name)
    {
        var filter = Filter(name);
        var queries = _store.Get<LatencyReportQueries>();
        async Task<(IReadOnlyList<LatencyPoint> Hours, IReadOnlyList<LatencyPoint> Days, LatencySummary Summary)> ReportAsync() => (
            await queries.GetSeriesAsync(filter, LatencyGrouping.Route, TimeBucket.Hour, sloMs: 1000),
            await queries.GetSeriesAsync(filter, LatencyGrouping.None, TimeBucket.Day, sloMs: 1000),
            await queries.GetSummaryAsync(filter, sloMs: 1000));
        var exact = await ReportAsync();

        await RollUpAsync();
        var rolledUp = await ReportAsync();

        Assert.NotEmpty(exact.Hours);
        Assert.Equal(name != "status", rolledUp.Summary.Estimated);
        Assert.False(exact.Summary.Estimated);
        Assert.Equal((exact.Summary.Runs, exact.Summary.Failed, exact.Summary.OverSlo), (rolledUp.Summary.Runs, rolledUp.Summary.Failed, rolledUp.Summary.OverSlo));
        AssertWithinOnePercent(exact.Summary.P95Ms, rolledUp.Summary.P95Ms);
        foreach (var (e, r) in exact.Hours.Concat(exact.Days).Zip(rolledUp.Hours.Concat(rolledUp.Days)))
        {
            Assert.Equal((e.Series, e.Bucket, e.Runs, e.Failed, e.OverSlo), (r.Series, r.Bucket, r.Runs, r.Failed, r.OverSlo));
            AssertWithinOnePercent(e.P50Ms, r.P50Ms);
            AssertWithinOnePercent(e.P95Ms, r.P95Ms);
            AssertWithinOnePercent(e.P99Ms, r.P99Ms);
        }

        Assert.Equal(exact.Hours.Count + exact.Days.Count, rolledUp.Hours.Count + rolledUp.Days.Count);
    }

    [Fact]
    public async Task Slow_steps_over_whole_days_read_the_daily_rollups_and_agree_with_the_steps()
    {
        // Three more days of runs, one every 50 minutes from Nov 5: Nov 6 and 7 are whole days inside the ranges below.
        var later = new List<object>();
        for (var i = 0; i < 86; i++)
        {
            var run = HandBuilt.Run($"d{i}", 1000, new DateTime(2026, 11, 5, 0, 10, 0, DateTimeKind.Utc).AddMinutes(50 * i), prompt: i % 2 == 0 ? "p1" : "p2");
            later.Add(run);
            later.Add(HandBuilt.Step(run, 1, StepKind.Tool, "agent.tool", 10 + (i * 37 % 500), tool: "orders.lookup", argumentsHash: "o"));
        }

        await _store.AddAsync(later);
        var queries = _store.Get<SlowStepQueries>();
        var filters = new[]
        {
            new RunFilter(),
            new RunFilter { From = new DateTime(2026, 11, 5, 7, 30, 0, DateTimeKind.Utc), To = new DateTime(2026, 11, 7, 23, 15, 0, DateTimeKind.Utc), PromptVersion = "p2" },
        };
        var exact = new List<IReadOnlyList<SlowStepGroup>>();
        foreach (var filter in filters)
        {
            exact.Add(await queries.GetGroupsAsync(filter, StepGrouping.Tool));
        }

        await new RollupMaterializer(_store.ContextFactory, new FixedClock(new DateTime(2026, 11, 8, 6, 0, 0, DateTimeKind.Utc))).RunAsync(1000, onlySettled: false);

        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(3, await db.Set<StepDayRollup>().Where(u => u.Hour >= new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc)).Select(u => u.Hour).Distinct().CountAsync());
        for (var i = 0; i < filters.Length; i++)
        {
            var rolledUp = await queries.GetGroupsAsync(filters[i], StepGrouping.Tool);
            Assert.Equal(exact[i].Select(g => (g.Group, g.Count, g.Failures, g.TotalMs, g.MaxMs)), rolledUp.Select(g => (g.Group, g.Count, g.Failures, g.TotalMs, g.MaxMs)));
            Assert.All(rolledUp, g => Assert.True(g.Estimated));
            foreach (var (e, r) in exact[i].Zip(rolledUp))
            {
                AssertWithinOnePercent(e.P50Ms, r.P50Ms);
                AssertWithinOnePercent(e.P95Ms, r.P95Ms);
                AssertWithinOnePercent(e.P99Ms, r.P99Ms);
            }
        }
    }

    [Fact]
    public async Task The_rollups_hold_per_run_repeats_and_loops_and_counts_by_run_dimensions()
    {
        await RollUpAsync();

        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var repeats = await db.Set<ToolRepeatRollup>().Where(t => t.RunId == "r0").ToListAsync();
        Assert.Equal(("kb.search", "same", 3L, 100 + 110 + 120.0, 100.0), (repeats.Single().ToolName, repeats.Single().ArgumentsHash, repeats.Single().Calls, repeats.Single().TotalMs, repeats.Single().FastestMs));
        Assert.Equal([2, 3], await db.Set<LoopStepRollup>().Where(l => l.RunId == "r0").OrderBy(l => l.StepNumber).Select(l => l.StepNumber).ToListAsync());
        var firstHour = await db.Set<ValidationRollup>().Where(v => v.Hour == HandBuilt.Start).OrderBy(v => v.PromptVersion).ToListAsync();
        // 12:00 (p1, fallback route) and 12:40 (p1, primary) are counted apart; 12:20 (p2) failed.
        Assert.Equal([("p1", false, 1L), ("p1", false, 1L), ("p2", true, 1L)], firstHour.Select(v => (v.PromptVersion!, v.Failed, v.Checks)));
        Assert.Equal(HandBuilt.Start.AddMinutes(20), firstHour.Single(v => v.PromptVersion == "p2").FirstStart);
        Assert.Empty(await db.Set<PendingRollupHour>().ToListAsync());

        // Durations are bucketed by the database as DurationHistogram does, and each day sums its hours.
        Assert.Equal([DurationHistogram.BucketOf(5)], await db.Set<StepHourRollup>().Where(u => u.Kind == "Validate").Select(u => u.Bucket).Distinct().ToListAsync());
        var day = await db.Set<StepDayRollup>().Where(u => u.Kind == "Validate").ToListAsync();
        Assert.Equal((RunCount, RunCount * 5.0, HandBuilt.Start.Date), (day.Sum(u => u.Steps), day.Sum(u => u.TotalMs), day.Select(u => u.Hour).Distinct().Single()));
    }

    [Fact]
    public async Task A_deleted_run_leaves_the_reports_at_once_and_its_hour_is_rolled_up_again()
    {
        await RollUpAsync();
        var queries = _store.Get<RepeatedToolQueries>();
        var before = (await queries.GetToolsAsync(new RunFilter(), 2)).Single(t => t.Tool == "kb.search");

        await _store.Get<RunDeletion>().DeleteRunAsync("r0", "test");

        // r0's hour is pending, so the report reads it from the steps until it is rolled up again.
        var after = (await queries.GetToolsAsync(new RunFilter(), 2)).Single(t => t.Tool == "kb.search");
        Assert.Equal((before.RunsAffected - 1, before.RunsCalling - 1), (after.RunsAffected, after.RunsCalling));
        Assert.Equal(1, await RollUpAsync());
        Assert.Equal(after, (await queries.GetToolsAsync(new RunFilter(), 2)).Single(t => t.Tool == "kb.search"));
    }

    [Fact]
    public async Task An_hour_is_rolled_up_once_no_write_has_touched_it_since_the_previous_pass()
    {
        var materializer = new RollupMaterializer(_store.ContextFactory, new FixedClock(HandBuilt.Start.AddHours(7)));

        Assert.Equal(0, await materializer.RunAsync(100)); // first seen
        Assert.Equal(7, await materializer.RunAsync(100)); // unchanged since: rolled up

        await _store.Get<RunDeletion>().DeleteRunAsync("r5", "test");
        Assert.Equal(0, await materializer.RunAsync(100)); // written since the previous pass
        Assert.Equal(1, await materializer.RunAsync(100));
    }

    [Fact]
    public async Task An_hour_left_without_runs_loses_its_rollup_rows_and_its_day_is_summed_again()
    {
        await RollUpAsync();
        foreach (var run in new[] { "r0", "r1", "r2" })
        {
            await _store.Get<RunDeletion>().DeleteRunAsync(run, "test");
        }

        Assert.Equal(1, await RollUpAsync());

        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.False(await db.Set<StepHourRollup>().AnyAsync(u => u.Hour == HandBuilt.Start));
        Assert.False(await db.Set<ValidationRollup>().AnyAsync(u => u.Hour == HandBuilt.Start));
        Assert.Equal((RunCount - 3) * 5, await db.Set<StepDayRollup>().SumAsync(u => u.Steps));
        Assert.Equal(RunCount - 3, (await _store.Get<LatencyReportQueries>().GetSummaryAsync(new RunFilter(), 1000)).Runs);
    }

    [Fact]
    public async Task The_current_hour_is_not_rolled_up()
    {
        var clock = new FixedClock(HandBuilt.Start.AddHours(2.5));

        await new RollupMaterializer(_store.ContextFactory, clock).RunAsync(100, onlySettled: false);

        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.Equal([HandBuilt.Start, HandBuilt.Start.AddHours(1)], await db.Set<RollupHour>().OrderBy(h => h.Hour).Select(h => h.Hour).ToListAsync());
    }

    private static void AssertWithinOnePercent(double exact, double estimate) =>
        Assert.InRange(estimate, exact * (1 - DurationHistogram.RelativeError) - 1e-9, exact * (1 + DurationHistogram.RelativeError) + 1e-9);

    private Task<int> RollUpAsync() => new RollupMaterializer(_store.ContextFactory, new FixedClock(HandBuilt.Start.AddHours(7))).RunAsync(100, onlySettled: false);

    private static RunFilter Filter(string name) => name switch
    {
        "mid-hour range" => new RunFilter { From = HandBuilt.Start.AddMinutes(30), To = HandBuilt.Start.AddHours(4).AddMinutes(30) },
        "hour range" => new RunFilter { From = HandBuilt.Start.AddHours(1), To = HandBuilt.Start.AddHours(3) },
        "prompt" => new RunFilter { PromptVersion = "p2" },
        "model and route" => new RunFilter { Model = "gpt-4o", Route = "fallback" },
        "status" => new RunFilter { Status = RunStatus.Error },
        _ => new RunFilter(),
    };

    /// <summary>Every report of the two pages under a filter, as text to compare.</summary>
    private async Task<string> ReportsAsync(RunFilter filter)
    {
        var repeats = _store.Get<RepeatedToolQueries>();
        var validation = _store.Get<ValidationQueries>();
        var lines = new List<object>();
        lines.AddRange(await repeats.GetToolsAsync(filter, 2));
        lines.AddRange(await repeats.GetToolsAsync(filter, 3));
        lines.AddRange((await repeats.GetRunsAsync(filter, "kb.search", 2, 50)).Select(r => (r with { StepNumbers = [] }, string.Join(",", r.StepNumbers))));
        lines.AddRange(await repeats.GetLoopsAsync(filter));
        lines.AddRange((await repeats.GetLoopRunsAsync(filter, "Retrieve:kb.search", 50)).Select(r => (r.RunId, string.Join(",", r.Steps))));
        lines.AddRange(await validation.GetFailuresAsync(filter));
        lines.AddRange((await validation.GetByVersionAsync(filter)).Select(v => (v, string.Join(";", v.Days))));
        lines.AddRange(await validation.GetTrendAsync(filter, TimeBucket.Hour));
        lines.AddRange(await validation.GetTrendAsync(filter, TimeBucket.Day));
        return string.Join("\n", lines);
    }

    private static List<object> Runs()
    {
        var entities = new List<object>();
        for (var i = 0; i < RunCount; i++)
        {
            var run = HandBuilt.Run($"r{i}", 700 + 37 * i % 600, HandBuilt.Start.AddMinutes(20 * i), status: i % 7 == 3 ? RunStatus.Error : RunStatus.Ok,
                prompt: i % 3 == 1 ? "p2" : "p1", route: i % 4 == 0 ? "fallback" : "primary", models: i % 2 == 0 ? "gpt-4o" : "gpt-4o,claude");
            run.ToolContractVersion = i < 9 ? "t1" : "t2";
            var failed = i % 3 == 1;
            entities.Add(run);
            entities.AddRange(
            [
                // Runs divisible by three search three times with the same arguments: a repeat and a loop.
                HandBuilt.Step(run, 1, StepKind.Retrieve, "agent.retrieve", 100, tool: "kb.search", argumentsHash: "same"),
                HandBuilt.Step(run, 2, StepKind.Retrieve, "agent.retrieve", 110, tool: "kb.search", argumentsHash: i % 3 == 0 ? "same" : "other"),
                HandBuilt.Step(run, 3, StepKind.Retrieve, "agent.retrieve", 120 + i, tool: "kb.search", argumentsHash: i % 3 == 0 ? "same" : "third"),
                HandBuilt.Step(run, 4, StepKind.Tool, "agent.tool", 40, tool: "orders.lookup", argumentsHash: $"o{i % 2}"),
                HandBuilt.Step(run, 5, StepKind.Validate, "agent.validate", 5, validationPassed: !failed, schema: "reply@v3",
                    failureReason: failed ? (i % 2 == 0 ? "missing order_id" : null) : null),
            ]);
        }

        return entities;
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }
}
