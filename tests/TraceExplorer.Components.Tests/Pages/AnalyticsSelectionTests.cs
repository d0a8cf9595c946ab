using Bunit;
using TraceExplorer.Core.Demo;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

/// <summary>A chosen row goes into the URL and comes back from it, with what the page shows for it.</summary>
public sealed class AnalyticsSelectionTests : PageTestContext
{
    [Fact]
    public async Task A_step_group_from_the_url_stays_in_it_and_another_one_replaces_it()
    {
        var key = "tool:" + DemoIncidents.TimingOutTool;
        Navigation.NavigateTo("/compare?dimension=policy_version&group=" + Uri.EscapeDataString(key));

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=worst-b-run]")), LoadTimeout);
        Assert.Contains("group=" + Uri.EscapeDataString(key), Navigation.Uri, StringComparison.Ordinal); // kept when the defaults are written in
        Assert.Contains($"a={DemoIncidents.Policy.Before}", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(DemoIncidents.TimingOutTool, cut.Find("[data-step-group].selected").GetAttribute("data-step-group"));

        var other = cut.FindAll("[data-step-group]")[1].GetAttribute("data-step-group")!;
        await cut.InvokeAsync(() => cut.FindAll("[data-step-group]")[1].Click()); // found and clicked in one go: the page may render again between

        cut.WaitForAssertion(() => Assert.Equal(other, cut.Find("[data-step-group].selected").GetAttribute("data-step-group")), LoadTimeout);
        Assert.Contains(Uri.EscapeDataString(":" + other), Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains(other, cut.Find("[data-testid=step-group-detail]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_decision_keeps_the_filters_and_a_new_filter_closes_it()
    {
        Navigation.NavigateTo("/decisions?kind=Fallback");
        var cut = Render<Decisions>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=decisions] tbody tr.clickable")), LoadTimeout);

        var runId = cut.FindAll("[data-testid=decisions] tbody tr")[1].QuerySelectorAll("td")[7].TextContent;
        await cut.InvokeAsync(() => cut.FindAll("[data-testid=decisions] tbody tr")[1].Click());

        cut.WaitForAssertion(() => Assert.Contains(runId, cut.Find("[data-testid=decision-detail]").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Matches(@"kind=Fallback&selected=\d+$", Navigation.Uri);
        Assert.Contains(runId, cut.Find("[data-testid=decisions] tbody tr.selected").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", cut.Find("[data-testid=csv]").GetAttribute("href"), StringComparison.Ordinal);

        Navigation.NavigateTo("/decisions?kind=Routing");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=decision-detail]")), LoadTimeout);
    }

    [Fact]
    public async Task A_chosen_complaint_value_names_its_dimension_in_the_url()
    {
        Navigation.NavigateTo("/analytics/complaints");
        var cut = Render<Complaints>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=complaints] tbody tr.clickable")), LoadTimeout);

        await cut.InvokeAsync(() => cut.FindAll("[data-testid=complaints] tbody tr").First(r => r.TextContent.Contains(DemoIncidents.FallbackRoute, StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Contains(DemoIncidents.FallbackRoute, cut.Find("[data-testid=complaint-detail]").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.EndsWith($"dimension=route&selected={DemoIncidents.FallbackRoute}", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains($"route={DemoIncidents.FallbackRoute}", cut.Find("[data-testid=complaint-runs]").GetAttribute("href"), StringComparison.Ordinal);
    }
}
