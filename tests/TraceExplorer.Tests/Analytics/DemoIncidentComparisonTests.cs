using TraceExplorer.Core.Demo;
using TraceExplorer.Storage.Analytics.Compare;
using Xunit.Abstractions;

namespace TraceExplorer.Tests.Analytics;

/// <summary>The comparison finds each planted incident with its default window, and does not flag the benign change.</summary>
public sealed class DemoIncidentComparisonTests(FullDemoStoreFixture fixture, ITestOutputHelper output) : IClassFixture<FullDemoStoreFixture>
{
    private async Task<CohortComparison> CompareAsync(CompareDimension dimension, Rollout rollout)
    {
        var queries = fixture.Store.Get<CohortComparisonQueries>();
        var request = await queries.WithDefaultsAsync(new CohortRequest { Dimension = dimension, A = rollout.Before, B = rollout.After });
        var result = await queries.CompareAsync(request!);
        foreach (var metric in result.Metrics)
        {
            output.WriteLine($"{metric.Name}: {metric.A:0.###} → {metric.B:0.###} p={metric.Test?.P:0.####} small={metric.Test?.SmallSample} regressed={metric.Regressed}");
        }

        foreach (var group in result.StepGroups.Take(5))
        {
            output.WriteLine($"{group.Kind}:{group.Name} worsening={group.Worsening:0.0} regressed={group.Regressed} fail {group.A.FailureRate:0.###}→{group.B.FailureRate:0.###} calls {group.A.CallsPerRun:0.##}→{group.B.CallsPerRun:0.##}");
        }

        return result;
    }

    [Fact]
    public async Task The_policy_rollout_tops_the_list_with_the_timing_out_tool()
    {
        var result = await CompareAsync(CompareDimension.PolicyVersion, DemoIncidents.Policy);

        Assert.True(result.Metrics.Single(m => m.Name == "Error rate").Regressed);
        Assert.Equal(DemoIncidents.TimingOutTool, result.StepGroups[0].Name);
        Assert.True(result.StepGroups[0].Regressed);
    }

    [Fact]
    public async Task The_prompt_rollout_tops_the_list_with_the_failing_reply_validation()
    {
        var result = await CompareAsync(CompareDimension.PromptVersion, DemoIncidents.Prompt);

        Assert.True(result.Metrics.Single(m => m.Name == "Validation failure rate").Regressed);
        Assert.Equal(DemoIncidents.FailingReplySchema, result.StepGroups[0].Name);
        Assert.True(result.StepGroups[0].Regressed);
    }

    [Fact]
    public async Task The_route_config_rollout_tops_the_list_with_the_repeated_retrieval()
    {
        var result = await CompareAsync(CompareDimension.RouteConfigVersion, DemoIncidents.RouteConfig);

        Assert.True(result.Metrics.Single(m => m.Name == "Fallback rate").Regressed);
        Assert.Equal(DemoIncidents.RepeatedRetrievalTool, result.StepGroups[0].Name);
        Assert.True(result.StepGroups[0].Regressed);
    }

    [Fact]
    public async Task The_benign_tool_contract_change_is_not_flagged()
    {
        var result = await CompareAsync(CompareDimension.ToolContractVersion, DemoIncidents.ToolContract);

        Assert.DoesNotContain(result.Metrics, m => m.Regressed);
    }
}
