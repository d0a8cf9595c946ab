using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class RunDetailTests : PageTestContext
{
    protected override bool HandsOverPageState => true;

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
        cut.WaitForAssertion(() => Assert.Equal($"{run.StepCount} of {run.StepCount} shown", cut.Find(".wf-count").TextContent), LoadTimeout);
        var decisions = await db.Decisions.CountAsync(d => d.RunId == run.RunId);
        cut.WaitForAssertion(() => Assert.Equal(decisions, cut.FindAll(".ds-item").Count), LoadTimeout);
    }

    [Fact]
    public async Task A_step_in_the_url_is_selected_and_its_details_shown()
    {
        var (runId, _) = await TimedOutRunAsync();
        Navigation.NavigateTo($"/runs/{runId}?step=7");

        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal("7", cut.Find("[data-testid=step-details]").GetAttribute("data-step")), LoadTimeout);
        Assert.Contains("orders.lookup", cut.Find("[data-testid=step-details]").TextContent);
        Assert.Contains("timed out after 30000 ms", cut.Find("[data-testid=step-details]").TextContent);
    }

    [Fact]
    public async Task Clicking_a_decision_selects_its_step_and_puts_it_in_the_url()
    {
        var (runId, decisionStep) = await TimedOutRunAsync();
        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, runId));
        // The whole tree in (the first screen is replaced meanwhile), then found and clicked in one go on the renderer.
        cut.WaitForAssertion(() => Assert.DoesNotContain("loading", cut.Find(".wf-count").TextContent, StringComparison.Ordinal), LoadTimeout);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".ds-item"), b => b.TextContent.Contains($"step {decisionStep}")), LoadTimeout);

        await cut.InvokeAsync(() => cut.FindAll(".ds-item").First(b => b.TextContent.Contains($"step {decisionStep}")).Click());

        cut.WaitForAssertion(() => Assert.EndsWith($"?step={decisionStep}", Navigation.Uri), LoadTimeout);
        cut.WaitForAssertion(() => Assert.Equal(decisionStep.ToString(), cut.Find("[data-testid=step-details]").GetAttribute("data-step")), LoadTimeout);

        // The log stays beside the details, and the step's own decisions are listed in its details too.
        Assert.NotEmpty(cut.FindAll(".ds-item.of-selected"));
        Assert.NotEmpty(cut.FindAll("[data-testid=step-decisions] .sd-decision"));
    }

    [Fact]
    public async Task Plumbing_is_folded_until_shown()
    {
        var start = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = await Store.ContextFactory.CreateDbContextAsync())
        {
            db.Runs.Add(new Run { RunId = "run-langgraph", RequestId = "run-langgraph", TraceId = new string('f', 32), StartTime = start, EndTime = start.AddSeconds(1), StepCount = 2 });
            Step Step(int number, string span, string? parent, StepKind kind) => new()
            {
                TraceId = new string('f', 32), SpanId = span, ParentSpanId = parent, RunId = "run-langgraph", StepNumber = number, Kind = kind,
                Name = span, StartTime = start.AddMilliseconds(number), DurationMs = 100,
            };
            db.Steps.AddRange(Step(1, "graph", null, StepKind.Plan), Step(2, "node", "graph", StepKind.Plumbing), Step(3, "chat", "node", StepKind.Model));
            await db.SaveChangesAsync();
        }

        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, "run-langgraph"));

        cut.WaitForAssertion(() => Assert.Equal("2 of 2 shown · 1 plumbing folded", cut.Find(".wf-count").TextContent), LoadTimeout);
        await cut.InvokeAsync(() => cut.Find("input[data-testid=show-plumbing]").Change(true));
        cut.WaitForAssertion(() => Assert.Equal("3 of 3 shown", cut.Find(".wf-count").TextContent), LoadTimeout);
    }

    // A run from after the policy rollout whose step 7 timed out, with the step of its egress-check decision.
    private async Task<(string RunId, int DecisionStep)> TimedOutRunAsync()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var step = await db.Steps.AsNoTracking().OrderBy(s => s.Id)
            .FirstAsync(s => s.StepNumber == 7 && s.ErrorType == "timeout" && db.Decisions.Any(d => d.SpanId == s.SpanId && d.RunId == s.RunId));
        return (step.RunId, 7);
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
