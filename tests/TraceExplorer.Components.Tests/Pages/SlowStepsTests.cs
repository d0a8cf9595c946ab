using Bunit;
using TraceExplorer.Core.Demo;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class SlowStepsTests : PageTestContext
{
    [Fact]
    public async Task A_chosen_group_opens_its_slowest_runs_and_explains_the_runs_slower_than_its_p95()
    {
        Navigation.NavigateTo("/analytics/slow-steps?range=all&policyVersion=" + DemoIncidents.Policy.After);
        var cut = Render<SlowSteps>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=slow-steps] tbody tr")), LoadTimeout);

        await cut.InvokeAsync(() => cut.FindAll("[data-testid=slow-steps] tbody tr")
            .First(r => r.TextContent.Contains(DemoIncidents.TimingOutTool, StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=slowest-runs] tbody tr")), LoadTimeout);
        Assert.Contains("selected=" + Uri.EscapeDataString(DemoIncidents.TimingOutTool), Navigation.Uri, StringComparison.Ordinal);
        var explain = LinkQuery(cut.Find("[data-testid=slowest-runs] [data-testid=explain]").GetAttribute("href"));
        Assert.Equal(DemoIncidents.TimingOutTool, explain["slowStep"].ToString());
        Assert.True(double.Parse(explain["slowerThanMs"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(DemoIncidents.Policy.After, explain["policyVersion"].ToString());
    }
}
