using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Web.Components.Controls;
using TraceExplorer.Web.Components.Pages;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Components.Tests.Pages;

/// <summary>The runs list's chosen columns, its error column and its duration chart.</summary>
public sealed class RunsColumnsTests : PageTestContext
{
    [Fact]
    public void The_stored_choice_of_columns_is_read_on_the_first_render()
    {
        JSInterop.Setup<string?>("traceExplorer.getSetting", RunColumns.SettingName).SetResult("status,run,tokens");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal(["Status", "Run", "Tokens"], cut.FindAll("thead th").Select(th => th.TextContent.Trim())), LoadTimeout);
    }

    [Fact]
    public async Task Hiding_a_column_removes_it_and_stores_the_choice()
    {
        var cut = Render<Runs>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.run-row")), LoadTimeout);
        Assert.Contains("Route", cut.FindAll("thead th").Select(th => th.TextContent.Trim()));

        // The menu itself is the browser tests' (it renders into the popover layer); here, the page's answer to a choice.
        var chooser = cut.FindComponent<ColumnChooser>().Instance;
        await cut.InvokeAsync(() => chooser.ShownChanged.InvokeAsync(RunColumns.Toggle(chooser.Shown, RunColumn.Route)));

        cut.WaitForAssertion(() => Assert.DoesNotContain("Route", cut.FindAll("thead th").Select(th => th.TextContent.Trim())), LoadTimeout);
        var stored = JSInterop.VerifyInvoke("traceExplorer.setSetting").Arguments;
        Assert.Equal(RunColumns.SettingName, stored[0]);
        Assert.DoesNotContain("route", ((string)stored[1]!).Split(','));
    }

    [Fact]
    public async Task A_failed_run_names_its_failing_step_and_links_to_it()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var runId = await db.Steps.AsNoTracking().Where(s => s.ErrorType == "timeout" && s.ToolName == DemoIncidents.TimingOutTool).Select(s => s.RunId).FirstAsync();
        var cause = FailureCause.Find(await Store.Steps.GetOutlineAsync(runId))!;
        var message = await db.Steps.AsNoTracking().Where(s => s.RunId == runId && s.SpanId == cause.Step.SpanId).Select(s => s.ErrorMessage).SingleAsync();
        Navigation.NavigateTo($"/runs?q={runId}");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal($"{DemoIncidents.TimingOutTool} · timeout: {message}", cut.Find("a.error-link").TextContent), LoadTimeout);
        Assert.Equal($"/runs/{runId}?step={cause.Step.StepNumber}", cut.Find("a.error-link").GetAttribute("href"));
    }

    [Fact]
    public async Task The_chart_says_how_many_of_the_runs_it_draws()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var total = await db.Runs.CountAsync();

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.StartsWith($"{total:N0} runs ·", cut.Find("[data-testid=chart-note]").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.NotNull(cut.Find("[data-testid=duration-chart]"));
    }
}
