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
/// The repeated-tools and validation reports read whole hours from the rollups and the rest from the steps; the two
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
    public async Task The_current_hour_is_not_rolled_up()
    {
        var clock = new FixedClock(HandBuilt.Start.AddHours(2.5));

        await new RollupMaterializer(_store.ContextFactory, clock).RunAsync(100);

        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.Equal([HandBuilt.Start, HandBuilt.Start.AddHours(1)], await db.Set<RollupHour>().OrderBy(h => h.Hour).Select(h => h.Hour).ToListAsync());
    }

    private Task<int> RollUpAsync() => new RollupMaterializer(_store.ContextFactory, new FixedClock(HandBuilt.Start.AddHours(7))).RunAsync(100);

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
            var run = HandBuilt.Run($"r{i}", 1000, HandBuilt.Start.AddMinutes(20 * i), status: i % 7 == 3 ? RunStatus.Error : RunStatus.Ok,
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
