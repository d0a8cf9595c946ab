using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Components.Controls;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class RunsTests : PageTestContext
{
    [Fact]
    public async Task Lists_the_newest_runs_with_the_total()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var total = await db.Runs.CountAsync();
        var newest = await db.Runs.OrderByDescending(r => r.StartTime).Select(r => r.RunId).FirstAsync();

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.run-row").Count), LoadTimeout);
        Assert.Equal($"{total:N0} runs", cut.Find("[data-testid=run-count]").TextContent);
        Assert.Equal(newest, cut.Find("tr.run-row a.run-link").TextContent);
        Assert.Equal($"/runs/{newest}", cut.Find("tr.run-row a.run-link").GetAttribute("href"));
    }

    [Fact]
    public async Task Filters_in_the_url_narrow_the_list()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var expected = await db.Runs.CountAsync(r => r.Status == RunStatus.Error && r.PolicyVersion == DemoIncidents.Policy.After);
        Navigation.NavigateTo($"/runs?status=error&policyVersion={DemoIncidents.Policy.After}");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal($"{expected:N0} runs", cut.Find("[data-testid=run-count]").TextContent), LoadTimeout);
        Assert.All(cut.FindAll("tr.run-row .status-chip"), chip => Assert.Contains("error", chip.TextContent));
    }

    [Fact]
    public async Task A_filter_on_what_happened_in_the_runs_shows_as_a_chip_that_clears_it()
    {
        var filter = new RunFilter { FailedStep = DemoIncidents.TimingOutTool, Excluding = new RunFilter { Status = RunStatus.Ok } };
        var expected = (await Store.Queries.GetRunsAsync(new RunListRequest { Filter = filter, PageSize = 1 })).TotalCount;
        Navigation.NavigateTo($"/runs?failedStep={DemoIncidents.TimingOutTool}&not=status%3Dok");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal($"{expected:N0} runs", cut.Find("[data-testid=run-count]").TextContent), LoadTimeout);
        Assert.True(expected > 0);
        var chips = cut.FindAll("[data-testid=inside-run-filter]").Select(c => c.TextContent).ToList();
        Assert.Equal([$"Failed step: {DemoIncidents.TimingOutTool}", "Leaving out: status=ok"], chips);
        Assert.Empty(cut.FindAll("[data-testid=explain]")); // explain takes no 'not'

        cut.Find("[data-testid=inside-run-filter] .mud-chip-close-button").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/runs?not=status%3Dok", Navigation.Uri), LoadTimeout);
    }

    [Fact]
    public void Navigating_to_another_filter_reloads_the_list()
    {
        var cut = Render<Runs>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.run-row").Count), LoadTimeout);

        Navigation.NavigateTo("/runs?q=no-run-has-this-text");

        cut.WaitForAssertion(() => Assert.Equal("0 runs", cut.Find("[data-testid=run-count]").TextContent), LoadTimeout);
        Assert.Contains("No runs match these filters", cut.Markup);
    }

    [Fact]
    public void A_bad_filter_value_is_named_and_ignored()
    {
        Navigation.NavigateTo("/runs?minDurationMs=slow");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Contains("minDurationMs", cut.Find("[data-testid=filter-error]").TextContent), LoadTimeout);
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.run-row").Count), LoadTimeout); // the error shows before the rows
    }

    [Fact]
    public void Sorting_a_column_puts_it_in_the_url_and_flips_on_a_second_click()
    {
        var cut = Render<Runs>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.run-row")), LoadTimeout);

        cut.FindComponents<SortHeader>().Single(h => h.Instance.Label == "Duration").Find("button").Click();
        cut.WaitForAssertion(() => Assert.EndsWith("/runs?sort=durationMs&dir=desc", Navigation.Uri), LoadTimeout);

        cut.FindComponents<SortHeader>().Single(h => h.Instance.Label == "Duration").Find("button").Click();
        cut.WaitForAssertion(() => Assert.EndsWith("/runs?sort=durationMs&dir=asc", Navigation.Uri), LoadTimeout);
        Assert.Equal("ascending", cut.FindComponents<SortHeader>().Single(h => h.Instance.Label == "Duration").Find("button").GetAttribute("aria-sort"));
    }

    [Fact]
    public void Searching_puts_the_text_in_the_url()
    {
        var cut = Render<Runs>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.run-row")), LoadTimeout);

        var search = cut.Find("input[data-filter=q]");
        search.Input("charged twice");
        search.KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.EndsWith("/runs?q=charged%20twice", Navigation.Uri), LoadTimeout);
        cut.WaitForAssertion(() => Assert.Equal(RunsWithInput("charged twice"), cut.FindAll("tr.run-row").Count), LoadTimeout);
    }

    private int RunsWithInput(string text)
    {
        using var db = Store.ContextFactory.CreateDbContext();
        return db.Runs.Count(r => r.Input!.Contains(text));
    }

    [Fact]
    public void Paging_moves_through_the_runs()
    {
        Navigation.NavigateTo("/runs?page=2&pageSize=25");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("tr.run-row").Count), LoadTimeout);
        Assert.StartsWith("26–50 of", cut.Find(".pager").TextContent.Trim());
    }

    [Fact]
    public async Task New_runs_appear_when_ingest_announces_them()
    {
        var cut = Render<Runs>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("tr.run-row").Count), LoadTimeout);
        var before = cut.Find("[data-testid=run-count]").TextContent;
        await using (var db = await Store.ContextFactory.CreateDbContextAsync())
        {
            db.Runs.Add(new Run { RunId = "run_live", RequestId = "req_live", TraceId = new string('f', 32), StartTime = DateTime.UtcNow, EndTime = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Changes.Publish(["run_live"]);

        cut.WaitForAssertion(() => Assert.Equal("run_live", cut.Find("tr.run-row a.run-link").TextContent), LoadTimeout);
        Assert.NotEqual(before, cut.Find("[data-testid=run-count]").TextContent);
    }
}
