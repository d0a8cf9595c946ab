using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Analytics.Timeline;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Analytics;

public sealed class ChangeTimelineQueriesTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Buckets_count_runs_and_failures_and_take_the_p95_per_hour()
    {
        var hour = HandBuilt.Start;
        await _store.AddAsync(
        [
            // First hour: 100, 200, 300, 400 ms on p1, one failed. Second hour: 1000 ms on p2, 500 ms on p1.
            HandBuilt.Run("r1", 100, hour.AddMinutes(1), policy: "p1"),
            HandBuilt.Run("r2", 200, hour.AddMinutes(2), policy: "p1"),
            HandBuilt.Run("r3", 300, hour.AddMinutes(3), RunStatus.Error, policy: "p1"),
            HandBuilt.Run("r4", 400, hour.AddMinutes(4), policy: "p1"),
            HandBuilt.Run("r5", 1000, hour.AddMinutes(61), policy: "p2"),
            HandBuilt.Run("r6", 500, hour.AddMinutes(62), policy: "p1"),
        ]);

        var timeline = await _store.Get<ChangeTimelineQueries>().GetAsync(new RunFilter());

        Assert.Equal(TimeBucket.Hour, timeline.BucketSize);
        Assert.Equal(2, timeline.Buckets.Count);
        Assert.Equal((hour, 4L, 1L), (timeline.Buckets[0].Start, timeline.Buckets[0].Runs, timeline.Buckets[0].Failed));
        Assert.Equal(0.25, timeline.Buckets[0].ErrorRate);

        // The p95 is read from durations binned 2 % wide: within 1 %.
        Assert.InRange(timeline.Buckets[0].P95Ms, 385 * (1 - DurationHistogram.RelativeError), 385 * (1 + DurationHistogram.RelativeError)); // 300 + 0.85 × 100
        Assert.InRange(timeline.Buckets[1].P95Ms, 975 * (1 - DurationHistogram.RelativeError), 975 * (1 + DurationHistogram.RelativeError)); // 500 + 0.95 × 500

        var policy = timeline.Dimensions.Single(d => d.Dimension == CompareDimension.PolicyVersion);
        Assert.Equal(["p1", "p2"], policy.Values.Select(v => v.Value));
        Assert.Equal(4, policy.RunsByValue["p1"][hour]);
        Assert.Equal(1, policy.RunsByValue["p2"][hour.AddHours(1)]);
        Assert.Equal([new VersionChange("p1", "p2", hour.AddMinutes(61))], policy.Changes);
        Assert.Empty(timeline.Dimensions.Single(d => d.Dimension == CompareDimension.PromptVersion).Values);

        // Once the hours are rolled up, they are read from the rollups: the same timeline.
        await new RollupMaterializer(_store.ContextFactory, TimeProvider.System).RunAsync(100, onlySettled: false);
        var rolledUp = await _store.Get<ChangeTimelineQueries>().GetAsync(new RunFilter());
        Assert.Equal(timeline.Buckets, rolledUp.Buckets);
        var rolledUpPolicy = rolledUp.Dimensions.Single(d => d.Dimension == CompareDimension.PolicyVersion);
        Assert.Equal(policy.Values, rolledUpPolicy.Values);
        Assert.Equal(policy.RunsByValue["p1"], rolledUpPolicy.RunsByValue["p1"]);
        Assert.Equal(policy.RunsByValue["p2"], rolledUpPolicy.RunsByValue["p2"]);
    }

    [Fact]
    public async Task A_run_lists_the_versions_first_seen_within_the_window_before_it_with_the_value_they_followed()
    {
        var start = HandBuilt.Start;
        var other = HandBuilt.Run("o1", 100, start.AddHours(-1), policy: "p9");
        other.AgentName = "other-agent";
        await _store.AddAsync(
        [
            HandBuilt.Run("r1", 100, start.AddHours(-48), policy: "p1", prompt: "v1"),
            HandBuilt.Run("r2", 100, start.AddHours(-3), policy: "p2", prompt: "v1"),
            HandBuilt.Run("r3", 100, start, policy: "p2", prompt: "v1"),
            HandBuilt.Run("r4", 100, start.AddHours(2), policy: "p3", prompt: "v2"),
            other,
        ]);
        var queries = _store.Get<ChangeTimelineQueries>();
        async Task<IReadOnlyList<NewVersion>> NewAt(string runId) =>
            await queries.NewVersionsAsync((await _store.Queries.GetRunAsync(runId))!, TimeSpan.FromHours(24));

        // p2 arrived 3 h before r3, after p1; v1 is two days old; the other agent's p9 is not this agent's history.
        Assert.Equal([new NewVersion(CompareDimension.PolicyVersion, "p2", start.AddHours(-3), "p1")], await NewAt("r3"));

        // r4 is the first run of p3 and v2: new on the run itself, and what they followed is the latest before.
        Assert.Equal(
            [new NewVersion(CompareDimension.PromptVersion, "v2", start.AddHours(2), "v1"), new NewVersion(CompareDimension.PolicyVersion, "p3", start.AddHours(2), "p2")],
            await NewAt("r4"));

        // The very first values are new too, with nothing before them to compare with.
        Assert.Equal([null, null], (await NewAt("r1")).Select(v => v.Previous));
        Assert.Empty(await queries.NewVersionsAsync((await _store.Queries.GetRunAsync("r3"))!, TimeSpan.FromHours(2)));
    }
}
