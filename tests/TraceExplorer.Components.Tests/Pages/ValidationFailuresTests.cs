using Bunit;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class ValidationFailuresTests : PageTestContext
{
    protected override int DemoRuns => 400;

    [Fact]
    public void Each_version_row_links_to_the_runs_of_that_version_within_the_page_filters()
    {
        Navigation.NavigateTo("/analytics/validation?agent=support-agent");

        var cut = Render<ValidationFailures>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=validation-by-version] tbody tr")), LoadTimeout);
        Assert.All(cut.FindAll("[data-testid=validation-by-version] tbody tr"), row =>
        {
            var cells = row.QuerySelectorAll("td");
            var link = row.QuerySelector("a")!;
            var query = LinkQuery(link.GetAttribute("href"));
            var parameter = RunDimension.All.Single(d => d.Label == cells[0].TextContent).FilterName;
            Assert.Equal(link.TextContent, query[parameter].ToString());
            Assert.Equal("support-agent", query["agent"].ToString());
        });
    }
}
