using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Ingest.Frameworks;

/// <summary>
/// A framework's run (its real spans, the dumps) replayed and diffed as the run page shows it: the steps the agent
/// took, without plumbing or a tool span repeating its parent's call, and each model call with its conversation.
/// </summary>
public sealed class FrameworkReplayAndDiffTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Theory]
    [InlineData("langchain", 10)]
    [InlineData("semantic-kernel", 2)]
    [InlineData("meai", 0)]
    public async Task The_replay_bundle_holds_the_agents_steps_and_each_model_calls_messages(string stack, int omitted)
    {
        var steps = await StoreAsync(stack, "run-" + stack);

        var bundle = await _store.Get<ReplayQueries>().GetBundleAsync("run-" + stack);

        Assert.NotNull(bundle);
        Assert.Equal(omitted, bundle.OmittedSteps);
        Assert.Equal(steps.Count - omitted, bundle.Steps.Count);
        Assert.DoesNotContain(bundle.Steps, s => s.Kind == "plumbing");
        Assert.Equal(2, bundle.Steps.Count(s => s.ToolCall is not null && s.Kind == "tool"));
        var models = bundle.Steps.Where(s => s.Kind == "model").ToList();
        Assert.Equal(2, models.Count);
        Assert.All(models, m => Assert.True(m.Model?.Messages?.GetArrayLength() > 0, stack));
    }

    [Fact]
    public async Task Two_runs_of_one_framework_agent_diff_as_the_same_steps()
    {
        await StoreAsync("semantic-kernel", "run-a");
        await StoreAsync("semantic-kernel", "run-b");

        var diff = await _store.Get<RunDiffQueries>().DiffAsync("run-a", "run-b");

        Assert.NotNull(diff);
        Assert.All(diff.Steps, row => Assert.Equal("same", row.Change));
        Assert.Equal(2, diff.Steps.Count(row => row.A!.Kind == StepKind.Tool));
    }

    private async Task<List<Step>> StoreAsync(string stack, string runId)
    {
        var (run, steps) = FrameworkMappingTests.Summarise(stack);
        // A second copy gets trace and span ids of its own, as a second run of the agent would.
        var suffix = runId.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        string Id(string id) => id[..^8] + suffix;
        run.RunId = run.RequestId = runId;
        run.TraceId = Id(run.TraceId);
        foreach (var step in steps)
        {
            (step.RunId, step.TraceId, step.SpanId, step.ParentSpanId) = (runId, Id(step.TraceId), Id(step.SpanId), step.ParentSpanId is { } p ? Id(p) : null);
        }

        run.RootSpanId = run.RootSpanId is { } root ? Id(root) : null;
        await _store.AddAsync([run, .. steps]);
        return steps;
    }
}
