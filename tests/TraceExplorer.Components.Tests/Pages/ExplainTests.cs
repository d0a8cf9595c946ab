using TraceExplorer.Core.Demo;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

public sealed class ExplainTests : PageTestContext
{
    [Fact]
    public void The_symptom_in_the_url_is_explained_with_a_sentence_whose_numbers_link_to_runs()
    {
        Navigation.NavigateTo($"/explain?failedStep={DemoIncidents.TimingOutTool}");

        var cut = Render<Explain>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=explain-sentence]")), LoadTimeout);
        var sentence = cut.Find("[data-testid=explain-sentence]");
        Assert.Contains(DemoIncidents.TimingOutTool, sentence.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(sentence.QuerySelectorAll("a[href^='/runs?']"));
        // every link names the symptom: as its own filter, or (the "others" link) as the runs it leaves out
        Assert.All(sentence.QuerySelectorAll("a[href^='/runs?']"), a => Assert.Contains($"failedStep={DemoIncidents.TimingOutTool}", Uri.UnescapeDataString(a.GetAttribute("href")!), StringComparison.Ordinal));
        Assert.Contains(sentence.QuerySelectorAll("a[href^='/runs?']"), a => a.GetAttribute("href")!.Contains("not=", StringComparison.Ordinal));
        Assert.Contains(DemoIncidents.Policy.After, cut.Find("[data-testid=explain-causes]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=inside-run-filter]")); // the symptom has its own fields here
    }

    [Fact]
    public void Without_a_symptom_the_page_asks_for_one()
    {
        Navigation.NavigateTo("/explain");

        var cut = Render<Explain>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=explain-empty]")), LoadTimeout);
        Assert.Empty(cut.FindAll("[data-testid=explain-sentence]"));
    }

    [Fact]
    public void A_bad_value_is_shown_under_its_name()
    {
        Navigation.NavigateTo("/explain?decision=veto");

        var cut = Render<Explain>();

        cut.WaitForAssertion(() => Assert.Contains("decision", cut.Find("[data-testid=report-errors]").TextContent, StringComparison.Ordinal), LoadTimeout);
    }
}
