using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceExplorer.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Complaints, Decisions, the latency report and Compare keep the chosen row (and the decisions their filters) in the
/// URL: choosing a row adds a history entry, Back from a run returns to it, and the shared link opens it fresh. At the
/// two screen sizes the pages are designed for.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AnalyticsSelectionUrlTests(AppFixture app)
{
    public static TheoryData<int, int> Screens => new() { { 1280, 800 }, { 1600, 1000 } };

    [Theory, MemberData(nameof(Screens))]
    public async Task Complaints_keep_the_chosen_value(int width, int height)
    {
        var page = await OpenAsync("/analytics/complaints", width, height);
        var row = page.Locator("[data-testid='complaints'] tbody tr", new() { HasText = DemoIncidents.FallbackRoute });
        await row.Locator("td").Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"dimension=route&selected={Regex.Escape(DemoIncidents.FallbackRoute)}"));
        var detail = page.GetByTestId("complaint-detail");
        await Expect(detail).ToContainTextAsync(DemoIncidents.FallbackRoute);

        await AwayAndBackAsync(page, detail.GetByTestId("complaint-runs"));
        await Expect(row).ToHaveClassAsync(new Regex("selected"));
        await Expect(page.GetByTestId("complaint-detail")).ToContainTextAsync(DemoIncidents.FallbackRoute);

        var shared = await OpenAsync(page.Url, width, height);
        await Expect(shared.Locator("[data-testid='complaints'] tbody tr.selected")).ToContainTextAsync(DemoIncidents.FallbackRoute);
        await Expect(shared.GetByTestId("complaint-detail")).ToContainTextAsync(DemoIncidents.FallbackRoute);
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task Decisions_keep_their_filter_and_the_chosen_decision(int width, int height)
    {
        var page = await OpenAsync("/decisions", width, height);
        await Expect(page.Locator("[data-testid='decisions'] tbody tr").First).ToBeVisibleAsync();
        await page.Locator(".decision-filters .mud-select.filter-field").Filter(new() { HasText = "Kind" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "Fallback" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("kind=Fallback"));

        var row = page.Locator("[data-testid='decisions'] tbody tr").Nth(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("Fallback");
        await row.Locator("td").Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"kind=Fallback.*selected=\d+"));
        var runId = await row.Locator("td").Nth(7).InnerTextAsync();
        await Expect(page.GetByTestId("decision-detail")).ToContainTextAsync(runId);
        var chosen = page.Url;

        await AwayAndBackAsync(page, page.GetByTestId("decision-detail").GetByTestId("decision-step"));
        await Expect(page).ToHaveURLAsync(Exactly(chosen));
        await Expect(page.Locator("[data-testid='decisions'] tbody tr.selected")).ToContainTextAsync(runId);
        await Expect(page.Locator("input[data-filter='kind']")).ToHaveValueAsync("Fallback");

        var shared = await OpenAsync(chosen, width, height);
        await Expect(shared.Locator("[data-testid='decisions'] tbody tr.selected")).ToContainTextAsync(runId);
        await Expect(shared.GetByTestId("decision-detail")).ToContainTextAsync(runId);
        Assert.All(await shared.Locator("[data-testid='decisions'] tbody tr td:nth-child(2)").AllTextContentsAsync(), kind => Assert.Equal("Fallback", kind));

        // The run and step of a decision read as links, as on the other analytics pages.
        await Expect(shared.Locator("[data-testid='decisions'] tbody tr").First.Locator("td:nth-child(8) a")).ToHaveCSSAsync("text-decoration-line", "underline");
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task The_latency_report_keeps_the_chosen_hour(int width, int height)
    {
        var page = await OpenAsync("/reports/latency", width, height);
        var row = page.Locator("[data-testid='latency-table'] tbody tr").Nth(2);
        await row.Locator("td").Nth(2).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"series=.+&selected=\d{4}-\d\d-\d\dT\d\d%3A00%3A00Z"));
        var slowest = page.GetByTestId("latency-slowest").Locator("tbody tr a").First;
        await Expect(slowest).ToHaveAttributeAsync("href", new Regex("^/runs/[^?]+$"));
        var chosen = page.Url;

        await AwayAndBackAsync(page, slowest);
        await Expect(page).ToHaveURLAsync(Exactly(chosen));
        await Expect(row).ToHaveClassAsync(new Regex("selected"));
        await Expect(page.GetByTestId("latency-slowest").Locator("tbody tr a").First).ToBeVisibleAsync();

        var shared = await OpenAsync(chosen, width, height);
        await Expect(shared.Locator("[data-testid='latency-table'] tbody tr.selected")).ToHaveCountAsync(1);
        await Expect(shared.GetByTestId("latency-slowest").Locator("tbody tr a").First).ToHaveCSSAsync("text-decoration-line", "underline");
    }

    [Theory, MemberData(nameof(Screens))]
    public async Task Compare_keeps_the_chosen_step_group_and_its_diff(int width, int height)
    {
        var page = await OpenAsync("/compare?dimension=policy_version", width, height);
        var top = page.Locator("[data-step-group]").First;
        await Expect(top).ToHaveAttributeAsync("data-step-group", DemoIncidents.TimingOutTool);
        await top.Locator("td").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"group=tool%3A{Regex.Escape(DemoIncidents.TimingOutTool)}"));
        var worst = page.GetByTestId("step-group-detail").GetByTestId("worst-b-run");
        await Expect(worst).ToHaveAttributeAsync("href", new Regex("^/runs/"));
        var chosen = page.Url;

        await AwayAndBackAsync(page, worst);
        await Expect(page).ToHaveURLAsync(Exactly(chosen));
        await Expect(top).ToHaveClassAsync(new Regex("selected"));

        // The diff of the chosen group, and Back from it, return to the group.
        await page.GetByTestId("step-group-detail").GetByTestId("diff-selected").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/compare/runs\\?a=.+&b=.+"));
        await page.GoBackAsync();
        await Expect(page.Locator("[data-step-group].selected")).ToHaveAttributeAsync("data-step-group", DemoIncidents.TimingOutTool);

        var shared = await OpenAsync(chosen, width, height);
        await Expect(shared.Locator("[data-step-group].selected")).ToHaveAttributeAsync("data-step-group", DemoIncidents.TimingOutTool);
        Assert.True(await LooksLikeALinkAsync(shared.GetByTestId("step-group-detail").GetByTestId("typical-a-run")));
        Assert.True(await LooksLikeALinkAsync(shared.GetByTestId("typical-runs").Locator("a").First));
    }

    private async Task<IPage> OpenAsync(string url, int width, int height)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync(url);
        return page;
    }

    /// <summary>The URL as it was, to the letter (a plain string would be read as a glob).</summary>
    private static Regex Exactly(string url) => new("^" + Regex.Escape(url) + "$");

    /// <summary>Follows a link out of the page (a run or the runs list), then Back.</summary>
    private static async Task AwayAndBackAsync(IPage page, ILocator link)
    {
        var before = page.Url;
        await link.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(before);
        await page.GoBackAsync();
    }

    /// <summary>A link is not in the colour of the text around it.</summary>
    private static Task<bool> LooksLikeALinkAsync(ILocator link) =>
        link.EvaluateAsync<bool>("a => getComputedStyle(a).color !== getComputedStyle(a.parentElement).color");
}
