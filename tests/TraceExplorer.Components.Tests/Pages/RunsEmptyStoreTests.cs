using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class RunsEmptyStoreTests : PageTestContext
{
    protected override int DemoRuns => 0;

    [Fact]
    public void An_empty_store_says_how_runs_arrive()
    {
        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Contains("No runs yet", cut.Markup), LoadTimeout);
        Assert.Equal("0 runs", cut.Find("[data-testid=run-count]").TextContent);
        Assert.Empty(cut.FindAll("tr.run-row"));
    }
}
