using Microsoft.EntityFrameworkCore;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

/// <summary>A viewer sees a run's structure; its payloads never reach the page.</summary>
public sealed class RunDetailViewerTests : PageTestContext
{
    protected override bool HandsOverPageState => true;

    protected override string Role => "Viewer";

    protected override int DemoRuns => 20;

    [Fact]
    public async Task Inputs_outputs_and_step_payloads_are_not_rendered_for_a_viewer()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var run = await db.Runs.AsNoTracking().OrderBy(r => r.RunId).FirstAsync(r => r.Input != null);
        var tool = await db.Steps.AsNoTracking().OrderBy(s => s.StepNumber).FirstAsync(s => s.RunId == run.RunId && s.ToolName != null && s.AttributesJson != null);
        Navigation.NavigateTo($"/runs/{run.RunId}?step={tool.StepNumber}");

        var cut = Render<RunDetail>(parameters => parameters.Add(p => p.RunId, run.RunId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payloads-hidden]")), LoadTimeout);
        cut.WaitForAssertion(() => Assert.Equal(tool.StepNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=step-details]").GetAttribute("data-step")), LoadTimeout);
        Assert.DoesNotContain(run.Input!, cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=pin]"));
        Assert.Empty(cut.FindAll("[data-testid=download-replay]"));
        Assert.DoesNotContain("gen_ai.tool.call.arguments", cut.Markup, StringComparison.Ordinal);
    }
}
