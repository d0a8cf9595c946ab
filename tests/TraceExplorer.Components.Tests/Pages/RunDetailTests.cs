using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class RunDetailTests : PageTestContext
{
    [Fact]
    public async Task Shows_the_ids_versions_steps_and_decisions_of_a_run()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var run = await db.Runs.AsNoTracking().OrderBy(r => r.StartTime).FirstAsync(r => r.Relation == RunRelation.Retry);

        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, run.RunId));

        cut.WaitForAssertion(() => Assert.Equal(run.RunId, cut.Find("h1").TextContent), LoadTimeout);
        Assert.Equal(run.RequestId, cut.Find("[data-id='request id']").TextContent);
        Assert.Equal(run.TraceId, cut.Find("[data-id='trace id']").TextContent);
        Assert.Equal(run.Input, cut.Find("[data-testid=run-input]").TextContent);
        Assert.Contains(cut.FindAll("a.version-chip"), a => a.GetAttribute("href") == $"/runs?policyVersion={run.PolicyVersion}");
        Assert.Contains(cut.FindAll(".relation a"), a => a.GetAttribute("href") == $"/runs/{run.ParentRunId}");
        Assert.Equal(run.StepCount, cut.FindAll(".step-row[data-step]").Count);
        Assert.Equal(await db.Decisions.CountAsync(d => d.RunId == run.RunId), cut.FindAll(".decision-table tbody tr").Count);
    }

    [Fact]
    public void An_unknown_run_says_so()
    {
        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, "run_missing"));

        cut.WaitForAssertion(() => Assert.Contains("Run not found", cut.Markup), LoadTimeout);
        Assert.Contains("run_missing", cut.Markup);
    }

    [Fact]
    public async Task Span_content_is_rendered_as_text_not_markup()
    {
        await using (var db = await Store.ContextFactory.CreateDbContextAsync())
        {
            var run = await db.Runs.OrderBy(r => r.StartTime).FirstAsync();
            run.Input = "<img src=x onerror=alert(1)><b>bold</b>";
            await db.SaveChangesAsync();
        }

        await using var read = await Store.ContextFactory.CreateDbContextAsync();
        var runId = await read.Runs.OrderBy(r => r.StartTime).Select(r => r.RunId).FirstAsync();
        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal("<img src=x onerror=alert(1)><b>bold</b>", cut.Find("[data-testid=run-input]").TextContent), LoadTimeout);
        Assert.Empty(cut.FindAll("[data-testid=run-input] img"));
    }
}
