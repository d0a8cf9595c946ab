using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Tests.Analytics;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Explain;

/// <summary>
/// "Runs that failed like this one" on a failed run's header names the step explain reads as the run's first failure,
/// a validation that did not pass as much as a step that ended in error, and explains exactly the runs whose step of
/// that group failed.
/// </summary>
public sealed class ExplainFailedLikeTests(FullDemoStoreFixture fixture) : IClassFixture<FullDemoStoreFixture>
{
    [Fact]
    public async Task A_run_that_failed_by_validation_links_to_the_runs_whose_validation_of_the_schema_failed()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var run = await db.Runs.Where(r => r.Status == RunStatus.Error)
            .Where(r => db.Steps.Any(s => s.RunId == r.RunId && s.Kind == StepKind.Validate && s.ValidationPassed == false && s.ValidationSchema == DemoIncidents.FailingReplySchema))
            .Where(r => !db.Steps.Any(s => s.RunId == r.RunId && s.Status == StepStatus.Error && s.Kind != StepKind.Other && s.Kind != StepKind.Plan && s.Kind != StepKind.Plumbing))
            .OrderBy(r => r.StartTime).FirstAsync();

        await AssertLinksToRunsFailedAtAsync(run.RunId, run.AgentName, DemoIncidents.FailingReplySchema);
    }

    [Fact]
    public async Task A_run_whose_tool_timed_out_links_to_the_runs_whose_call_of_the_tool_failed()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var run = await db.Runs.Where(r => r.Status == RunStatus.Error)
            .Where(r => db.Steps.Any(s => s.RunId == r.RunId && s.ToolName == DemoIncidents.TimingOutTool && s.ErrorType == "timeout"))
            .OrderBy(r => r.StartTime).FirstAsync();

        await AssertLinksToRunsFailedAtAsync(run.RunId, run.AgentName, DemoIncidents.TimingOutTool);
    }

    private async Task AssertLinksToRunsFailedAtAsync(string runId, string? agent, string group)
    {
        var steps = await fixture.Store.Steps.GetOutlineAsync(runId);
        Assert.NotNull(FailureCause.Find(steps));

        var link = ExplainLinks.FailedLike(agent, steps);
        Assert.NotNull(link);
        Assert.Equal(group, link.Filters.FailedStep);
        Assert.Equal(link, ExplainQuery.FromUri(ExplainLinks.Explain(link)));

        var request = link.ToRequest(DateTime.UtcNow, out var errors);
        Assert.Empty(errors);
        var result = await fixture.Store.Get<ExplainQueries>().ExplainAsync(request);

        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var failedAtGroup = await db.Runs.CountAsync(r => r.AgentName == agent && db.Steps.Any(s => s.RunId == r.RunId
            && (s.Status == StepStatus.Error || s.ValidationPassed == false) && (s.ToolName ?? s.Model ?? s.ValidationSchema ?? s.Name) == group));
        Assert.True(failedAtGroup > 1);
        Assert.Equal(failedAtGroup, result.SymptomRuns);
        Assert.Equal(group, result.Signature?.Step);
    }
}
