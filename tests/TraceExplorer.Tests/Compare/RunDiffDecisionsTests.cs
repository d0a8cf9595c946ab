using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Compare;

/// <summary>"Decisions only one run took" must not list a decision both runs took.</summary>
public sealed class RunDiffDecisionsTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_decision_both_runs_took_is_on_neither_side_whatever_its_time_and_reason()
    {
        var a = HandBuilt.Run("run-a", 100);
        var b = HandBuilt.Run("run-b", 100, HandBuilt.Start.AddHours(1));
        Decision Routing(Run run, string reason, int seconds) => new()
        {
            RunId = run.RunId, TraceId = run.TraceId, Kind = DecisionKind.Routing, Time = run.StartTime.AddSeconds(seconds),
            Outcome = "primary", PolicyId = "rc-7", Actor = "router", Target = "gpt-4o", Reason = reason,
        };
        await _store.AddAsync(
        [
            a, b,
            Routing(a, "rc-7 weights primary=0.91", 1),
            Routing(b, "rc-7 weights primary=0.37", 3), // the same decision: only the per-run detail differs
            new Decision { RunId = b.RunId, Kind = DecisionKind.Fallback, Time = b.StartTime, Outcome = "fallback-small", PolicyId = "rc-7", Target = "gpt-4o-mini" },
            new Decision { RunId = a.RunId, Kind = DecisionKind.Routing, Time = a.StartTime, Outcome = "secondary", PolicyId = "rc-7", Target = "gpt-4o" },
        ]);

        var diff = await _store.Get<RunDiffQueries>().DiffAsync("run-a", "run-b");

        Assert.NotNull(diff);
        Assert.Equal("secondary", Assert.Single(diff.DecisionsOnlyInA).Outcome); // another outcome is another decision
        Assert.Equal(DecisionKind.Fallback, Assert.Single(diff.DecisionsOnlyInB).Kind);
    }

    [Fact]
    public void The_match_key_is_kind_outcome_policy_and_target()
    {
        var key = DecisionMatch.Key("Routing", "primary", "rc-7", "gpt-4o");

        Assert.NotEqual(key, DecisionMatch.Key("Routing", "primary", "rc-7", "gpt-4o-mini"));
        Assert.NotEqual(key, DecisionMatch.Key("Routing", "primary", "rc-8", "gpt-4o"));
        Assert.NotEqual(key, DecisionMatch.Key("Fallback", "primary", "rc-7", "gpt-4o"));
        Assert.NotEqual(DecisionMatch.Key("Routing", "a", null, "b"), DecisionMatch.Key("Routing", "a", "b", null)); // fields can't run into each other
        Assert.Equal(["x"], DecisionMatch.OnlyIn(["x", "y"], ["y", "y"], d => d));
    }
}
