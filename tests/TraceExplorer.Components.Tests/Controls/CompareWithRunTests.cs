using Microsoft.EntityFrameworkCore;
using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class CompareWithRunTests : PageTestContext
{
    protected override int DemoRuns => 20;

    [Fact]
    public async Task A_request_id_resolves_to_its_run_and_opens_the_diff()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var runs = await db.Runs.AsNoTracking().OrderBy(r => r.RunId).Take(2).ToListAsync();
        var cut = Render<CompareWithRun>(parameters => parameters.Add(p => p.RunId, runs[0].RunId));

        cut.Find("input").Input(runs[1].RequestId);
        await cut.InvokeAsync(() => cut.Find("button").Click());

        cut.WaitForAssertion(() => Assert.EndsWith($"/compare/runs?a={runs[0].RunId}&b={runs[1].RunId}", Navigation.Uri, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task An_unknown_id_says_so_and_stays()
    {
        var cut = Render<CompareWithRun>(parameters => parameters.Add(p => p.RunId, "run-1"));
        var before = Navigation.Uri;

        cut.Find("input").Input("no-such-id");
        await cut.InvokeAsync(() => cut.Find("button").Click());

        cut.WaitForAssertion(() => Assert.Contains("No run has this id.", cut.Markup), LoadTimeout);
        Assert.Equal(before, Navigation.Uri);
    }
}
