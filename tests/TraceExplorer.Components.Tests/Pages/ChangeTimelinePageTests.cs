using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Components.Controls;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class ChangeTimelinePageTests : PageTestContext
{
    [Fact]
    public void An_agent_in_the_link_scopes_the_timeline_and_every_link_out_of_it()
    {
        var all = RunsShown("/compare/timeline");
        Navigation.NavigateTo("/compare/timeline?agent=billing-agent");

        var cut = Render<ChangeTimelinePage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".timeline-values td.num a")), LoadTimeout);
        Assert.All(cut.FindAll(".timeline-values td.num a"), a => Assert.Contains("agent=billing-agent", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.All(cut.FindAll("[data-testid=compare-change]"), a => Assert.Contains("agent=billing-agent", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal("billing-agent", cut.FindComponent<FilterSelect>().Instance.Value);
        Assert.InRange(Sum(cut), 1, all - 1);
    }

    [Fact]
    public async Task Choosing_an_agent_keeps_the_time_range_in_the_link()
    {
        var from = TimeRange.Format(DateTime.UtcNow.AddDays(-30));
        Navigation.NavigateTo("/compare/timeline?from=" + Uri.EscapeDataString(from));
        var cut = Render<ChangeTimelinePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".timeline-values")), LoadTimeout);

        await cut.InvokeAsync(() => cut.FindComponent<FilterSelect>().Instance.ValueChanged.InvokeAsync("support-agent"));

        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        Assert.Equal("/compare/timeline", new Uri(Navigation.Uri).AbsolutePath);
        Assert.Equal((from, "support-agent"), (query["from"].ToString(), query["agent"].ToString()));
    }

    private int RunsShown(string uri)
    {
        Navigation.NavigateTo(uri);
        var cut = Render<ChangeTimelinePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".timeline-values td.num a")), LoadTimeout);
        return Sum(cut);
    }

    /// <summary>The runs of the first dimension's values: each run has one value of it.</summary>
    private static int Sum(Bunit.IRenderedComponent<ChangeTimelinePage> cut) =>
        cut.FindAll(".timeline-values").First().QuerySelectorAll("td.num a").Sum(a => int.Parse(a.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
}
