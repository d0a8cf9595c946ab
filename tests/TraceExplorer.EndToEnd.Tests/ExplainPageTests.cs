using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceExplorer.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>From /explain, the planted refund-timeout incident is explained by its policy version, and the sentence's number for it opens the runs behind it: that version's runs with the symptom.</summary>
[Collection(AppCollection.Name)]
public sealed class ExplainPageTests(AppFixture app)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1600, 1000)]
    public async Task The_refund_timeouts_sentence_names_the_policy_version_and_links_to_its_runs(int width, int height)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/explain?failedStep={DemoIncidents.TimingOutTool}");

        var sentence = page.GetByTestId("explain-sentence");
        await Expect(sentence).ToContainTextAsync($"fail at step {DemoIncidents.TimingOutStep} ({DemoIncidents.TimingOutTool}, timeout");
        await Expect(sentence).ToContainTextAsync($"ran {DemoIncidents.Policy.After}");

        // The first version the sentence names is the policy version: no other version comes before it.
        var text = await sentence.InnerTextAsync();
        var versions = new[] { DemoIncidents.Prompt.After, DemoIncidents.RouteConfig.After, DemoIncidents.ToolContract.After, DemoIncidents.Policy.After };
        Assert.Equal(DemoIncidents.Policy.After, versions.Where(text.Contains).MinBy(v => text.IndexOf(v, StringComparison.Ordinal)));
        Assert.True(await sentence.IsVisibleAsync() && (await sentence.BoundingBoxAsync())!.Width <= width);

        var share = sentence.Locator($"a.explain-number[href*='policyVersion={Uri.EscapeDataString(DemoIncidents.Policy.After)}']").First;
        await share.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/runs\\?.*policyVersion={Regex.Escape(DemoIncidents.Policy.After)}"));
        var runs = new RunsPageObject(page);
        await Expect(runs.Rows.First).ToBeVisibleAsync();
        Assert.Contains($"failedStep={DemoIncidents.TimingOutTool}", page.Url); // the symptom's runs, not every run of the version
        await Expect(page.GetByTestId("inside-run-filter")).ToHaveTextAsync($"Failed step: {DemoIncidents.TimingOutTool}");
    }
}
