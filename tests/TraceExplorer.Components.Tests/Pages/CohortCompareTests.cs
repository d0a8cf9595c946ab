using TraceExplorer.Core.Demo;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Testing;
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
        Assert.Contains("agent=", Navigation.Uri, StringComparison.Ordinal); // the default pair is one agent's, and the URL says whose
        Assert.Empty(cut.FindAll("[data-testid=compare-cross-agent]"));
        Assert.Equal(11, cut.FindAll("[data-metric]").Count);
        Assert.Contains("/runs?", cut.Find("[data-testid=cohorts] a").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=estimate-note]"));
        Assert.Contains("Latency percentiles and the histogram are estimated to within 1 %", cut.Find("[data-testid=run-estimate-note]").TextContent, StringComparison.Ordinal);
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

    private async Task AddTinyAgentAsync()
    {
        // Five runs each of two versions of an agent the demo doesn't have.
        var runs = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            var run = HandBuilt.Run($"tiny-{i}", 100 + (i < 5 ? 0 : 5000), TestStore.DemoEnd.AddDays(-1).AddMinutes(i), policy: i < 5 ? "tiny-v1" : "tiny-v2");
            run.AgentName = "tiny-agent";
            runs.Add(run);
        }

        await Store.AddAsync(runs);
    }

    [Fact]
    public async Task Five_runs_a_side_read_not_enough_runs_without_a_tick()
    {
        await AddTinyAgentAsync();
        Navigation.NavigateTo("/compare?dimension=policy_version&agent=tiny-agent");

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-metric]")), LoadTimeout);
        var verdict = cut.Find("[data-testid=compare-verdict]");
        Assert.StartsWith("Not enough runs to tell (A 5, B 5)", verdict.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Neutral", verdict.GetAttribute("data-tone"));
        Assert.DoesNotContain("mud-alert-text-success", verdict.ClassName, StringComparison.Ordinal);
        Assert.Contains("not testable", cut.Find("[data-metric='p50 latency']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_of_two_agents_asked_for_are_compared_with_a_warning()
    {
        await AddTinyAgentAsync();
        Navigation.NavigateTo($"/compare?dimension=policy_version&a=tiny-v1&b={DemoIncidents.Policy.After}&window=all");

        var cut = Render<CohortCompare>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-metric]")), LoadTimeout);
        Assert.Contains("tiny-agent", cut.Find("[data-testid=compare-cross-agent]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("agent=", Navigation.Uri, StringComparison.Ordinal);
    }
}
