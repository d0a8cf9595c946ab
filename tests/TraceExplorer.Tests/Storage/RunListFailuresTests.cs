using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Storage;

/// <summary>The runs list's error column (SQL over a page of runs) against the run page's rule (C# over one run's steps).</summary>
public sealed class RunListFailuresTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private RunQueries Queries => fixture.Store.Queries;

    [Fact]
    public async Task Each_failed_run_names_the_step_the_run_page_names_as_the_cause()
    {
        var page = await Queries.GetRunsAsync(new RunListRequest { Filter = new RunFilter { Status = RunStatus.Error }, PageSize = 200, WithErrorMessages = true });

        Assert.NotEmpty(page.Items);
        foreach (var run in page.Items)
        {
            var cause = FailureCause.Find(await fixture.Store.Steps.GetOutlineAsync(run.RunId));
            Assert.NotNull(cause);
            Assert.Equal(
                (cause.Step.StepNumber, cause.Step.ErrorType, cause.Tool),
                (run.Failure!.StepNumber, run.Failure.ErrorType, run.Failure.Tool));
        }
    }

    [Fact]
    public async Task The_planted_timeout_reads_as_the_tool_its_type_and_message()
    {
        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var tool = await db.Steps.AsNoTracking().Where(s => s.ErrorType == "timeout" && s.ToolName == DemoIncidents.TimingOutTool).FirstAsync();

        var page = await Queries.GetRunsAsync(new RunListRequest { Filter = new RunFilter { Text = tool.RunId }, WithErrorMessages = true });

        // The tool step failed because its HTTP call did: the call is where the failure starts, and it names the tool above it.
        var failure = Assert.Single(page.Items).Failure!;
        var http = await db.Steps.AsNoTracking().SingleAsync(s => s.RunId == tool.RunId && s.ParentSpanId == tool.SpanId && s.ErrorType == "timeout");
        Assert.Equal((DemoIncidents.TimingOutTool, "timeout", http.StepNumber), (failure.Tool, failure.ErrorType, failure.StepNumber));
        Assert.Contains("timed out", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_right_to_read_failure_text_no_message_is_read()
    {
        var page = await Queries.GetRunsAsync(new RunListRequest { Filter = new RunFilter { Status = RunStatus.Error }, PageSize = 100 });

        Assert.Contains(page.Items, r => r.Failure?.ErrorType is not null);
        Assert.All(page.Items, r => Assert.Null(r.Failure?.ErrorMessage));
    }

    [Fact]
    public async Task Runs_without_errors_have_no_failure()
    {
        var page = await Queries.GetRunsAsync(new RunListRequest { Filter = new RunFilter { Status = RunStatus.Ok }, PageSize = 100, WithErrorMessages = true });

        Assert.All(page.Items.Where(r => r.ErrorCount == 0), r => Assert.Null(r.Failure));
    }

    [Fact]
    public async Task The_duration_points_are_the_newest_runs_of_the_filter_capped()
    {
        var filter = new RunFilter { Agent = "support-agent" };
        var points = await Queries.GetDurationPointsAsync(filter, 50);

        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var newest = await db.Runs.AsNoTracking().Where(r => r.AgentName == "support-agent").OrderByDescending(r => r.StartTime).ThenBy(r => r.RunId).Take(50)
            .Select(r => new { r.RunId, Failed = r.Status == RunStatus.Error }).ToListAsync();
        Assert.Equal(newest.Select(r => (r.RunId, r.Failed)), points.Select(p => (p.RunId, p.Failed)));
    }

    [Fact]
    public async Task The_usual_versions_are_each_agents_most_common_values()
    {
        var usual = await Queries.GetUsualVersionsAsync(new RunFilter());

        await using var db = await fixture.Store.ContextFactory.CreateDbContextAsync();
        var runs = await db.Runs.AsNoTracking().Select(r => new { r.AgentName, r.PolicyVersion }).ToListAsync();
        foreach (var agent in runs.GroupBy(r => r.AgentName ?? ""))
        {
            var counts = agent.GroupBy(r => r.PolicyVersion).ToDictionary(g => g.Key ?? "", g => g.Count());
            Assert.Equal(counts.Values.Max(), counts[usual.For(agent.Key)!.PolicyVersion ?? ""]);
        }
    }
}
