using Bunit;
using TraceExplorer.Core.Demo;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class LatencyReportTests : PageTestContext
{
    [Fact]
    public void One_line_per_version_links_each_row_to_the_runs_of_that_version_in_its_hour_or_day()
    {
        Navigation.NavigateTo("/reports/latency?by=policyVersion&bucket=day&range=all");

        var cut = Render<LatencyReport>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=latency-table] tbody tr a")), LoadTimeout);
        var series = cut.FindAll("[data-testid=latency-table] tbody tr a").Select(a => LinkQuery(a.GetAttribute("href"))).ToList();
        Assert.All(series, query =>
        {
            Assert.Contains(query["policyVersion"].ToString(), new[] { DemoIncidents.Policy.Before, DemoIncidents.Policy.After });
            Assert.Equal(TimeSpan.FromDays(1), DateTime.Parse(query["to"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal) - DateTime.Parse(query["from"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        });
        Assert.Equal(2, series.Select(q => q["policyVersion"].ToString()).Distinct().Count());
        Assert.Contains("Policy version", cut.Find("[data-testid=latency-by]").OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_grouping_in_the_link_says_which_parameter_is_wrong()
    {
        Navigation.NavigateTo("/reports/latency?by=tenant&range=all");

        var cut = Render<LatencyReport>();

        cut.WaitForAssertion(() => Assert.Contains("'tenant' is not a grouping", cut.Markup, StringComparison.Ordinal), LoadTimeout);
    }
}
