using TraceExplorer.Core.Demo;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class CohortCompareTests : PageTestContext
{
    [Fact]
    public void Fills_in_the_latest_two_values_and_writes_them_into_the_url()
    {
        Navigation.NavigateTo("/compare?dimension=policy_version");

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-step-group]")), LoadTimeout);
        Assert.Contains($"a={DemoIncidents.Policy.Before}", Navigation.Uri, StringComparison.Ordinal);
        Assert.Contains($"b={DemoIncidents.Policy.After}", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(11, cut.FindAll("[data-metric]").Count);
        Assert.Contains("/runs?", cut.Find("[data-testid=cohorts] a").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=estimate-note]"));
    }

    [Fact]
    public async Task Says_what_is_estimated_once_the_steps_are_read_from_the_rollups()
    {
        await new RollupMaterializer(Store.ContextFactory, TimeProvider.System).RunAsync(10_000, onlySettled: false);
        Navigation.NavigateTo("/compare?dimension=policy_version");

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-step-group]")), LoadTimeout);
        Assert.Contains("binned 2 % wide", cut.Find("[data-testid=estimate-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_is_shown_under_its_name_instead_of_a_comparison()
    {
        Navigation.NavigateTo("/compare?dimension=colour");

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.Contains("dimension", cut.Find("[data-testid=compare-errors]").TextContent), LoadTimeout);
        Assert.Empty(cut.FindAll("[data-step-group]"));
    }

    [Fact]
    public void A_dimension_that_never_changed_says_there_is_nothing_to_compare()
    {
        Navigation.NavigateTo("/compare?dimension=route&agent=nobody");

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.Contains("Nothing to compare", cut.Markup), LoadTimeout);
    }
}
