using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class VersionChipsTests : BunitContext
{
    [Fact]
    public void Each_version_links_to_the_runs_filtered_by_it_and_missing_ones_are_left_out()
    {
        var cut = Render<VersionChips>(parameters => parameters
            .Add(p => p.Versions, new RunVersions("prompt v3.3", null, "tools-v42", "routes-v8")));

        var links = cut.FindAll("a.version-chip").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["/runs?promptVersion=prompt%20v3.3", "/runs?toolContractVersion=tools-v42", "/runs?routeConfigVersion=routes-v8"], links);
    }
}
