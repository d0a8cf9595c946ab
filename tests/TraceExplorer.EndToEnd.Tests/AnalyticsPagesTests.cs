using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceExplorer.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>Each analytics page shows the demo data's planted incidents, and its CSV holds what its table shows.</summary>
[Collection(AppCollection.Name)]
public sealed class AnalyticsPagesTests(AppFixture app)
{
    [Fact]
    public async Task Slow_steps_put_the_timing_out_tool_first_and_drill_down_to_its_slowest_runs()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/analytics/slow-steps");

        var rows = page.Locator("[data-testid='slow-steps'] tbody tr");
        await Expect(rows.First).ToHaveAttributeAsync("data-row", DemoIncidents.TimingOutTool);
        await Expect(rows.First.Locator("td").Nth(3)).ToHaveTextAsync(new Regex("^(29\\.[7-9]\\d|30\\.[0-3]\\d) s$")); // p95: the 30 s timeout (estimated within 1 % once rolled up)
        await Expect(page.Locator("[data-testid='p95-chart'] .main-svg").First).ToBeVisibleAsync();

        await rows.First.ClickAsync();

        var slowest = page.GetByTestId("slowest-runs").Locator("tbody tr a").First;
        await Expect(slowest).ToHaveAttributeAsync("href", new Regex($"^/runs/.+\\?step={DemoIncidents.TimingOutStep}$"));
    }

    [Fact]
    public async Task The_slow_steps_csv_holds_the_table()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/analytics/slow-steps?groupBy=kind");
        await Expect(page.Locator("[data-testid='slow-steps'] tbody tr").First).ToBeVisibleAsync();
        var table = await page.Locator("[data-testid='slow-steps'] tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent.trim()))");

        var href = await page.GetByTestId("csv").GetAttributeAsync("href");
        var csv = (await app.Http.GetStringAsync(href)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();

        Assert.Equal(table.Length, csv.Count);
        Assert.Equal(table.Select(r => (r[0], r[1].Replace(",", "", StringComparison.Ordinal))), csv.Select(c => (c[0], c[1])));
    }

    [Fact]
    public async Task Repeated_tools_show_the_fallback_routes_repeated_retrieval_and_its_runs()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/analytics/repeated-tools?routeConfigVersion={DemoIncidents.RouteConfig.After}");

        var first = page.Locator("[data-testid='repeated-tools'] tbody tr").First;
        await Expect(first).ToHaveAttributeAsync("data-row", DemoIncidents.RepeatedRetrievalTool);
        await Expect(page.Locator($"[data-testid='loops'] tbody tr[data-row='Retrieve:{DemoIncidents.RepeatedRetrievalTool}']")).ToBeVisibleAsync();

        await first.ClickAsync();

        await Expect(page.GetByTestId("repeated-runs").Locator("a.step-link").First).ToHaveAttributeAsync("href", new Regex("^/runs/.+\\?step=\\d+$"));
    }

    [Fact]
    public async Task Validation_names_the_prompt_version_that_introduced_the_failures()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/analytics/validation");

        await Expect(page.GetByTestId("introduced-by")).ToContainTextAsync($"{DemoIncidents.FailingReplySchema} started failing more with prompt version {DemoIncidents.Prompt.After}");
        await Expect(page.GetByTestId("introduced-by")).Not.ToContainTextAsync(DemoIncidents.ToolContract.After); // the benign change
        var worst = page.Locator("[data-testid='validation-failures'] tbody tr").First;
        await Expect(worst).ToHaveAttributeAsync("data-row", DemoIncidents.FailingReplySchema);
        await Expect(page.Locator("[data-testid='validation-trend'] .main-svg").First).ToBeVisibleAsync();

        await worst.ClickAsync();
        var run = page.Locator("[data-testid='failed-runs'] tbody a").First;
        await Expect(run).ToHaveAttributeAsync("href", new Regex(@"^/runs/[^?]+\?step=\d+$"));
        await run.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/runs/[^?]+\?step=\d+$"));
        await Expect(page.GetByTestId("step-details")).ToContainTextAsync(DemoIncidents.FailingReplySchema);
    }

    [Fact]
    public async Task Complaints_mark_the_bad_route_far_above_the_rest()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/analytics/complaints");

        var fallback = page.Locator("[data-testid='complaints'] tbody tr", new() { HasText = DemoIncidents.FallbackRoute });
        await Expect(fallback).ToHaveClassAsync(new Regex("highlighted"));
        await Expect(page.Locator("[data-testid='complaints'] tbody tr", new() { HasText = DemoIncidents.PrimaryRoute })).Not.ToHaveClassAsync(new Regex("highlighted"));
        await Expect(fallback.Locator("a").First).ToHaveAttributeAsync("href", $"/runs?route={DemoIncidents.FallbackRoute}");
    }

    [Fact]
    public async Task The_latency_report_shows_the_period_against_the_one_before_and_the_slo()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/reports/latency?sloMs=60000");

        await Expect(page).ToHaveURLAsync(new Regex("from=")); // the default period is written into the link
        await Expect(page.Locator("[data-card='p95 latency'] .card-change")).ToContainTextAsync("vs previous period");
        await Expect(page.Locator("[data-card='Error rate'] .card-change")).ToHaveClassAsync(new Regex("worse")); // the policy incident is in the last week
        await Expect(page.Locator("[data-testid='latency-chart'] .main-svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='latency-chart']")).ToContainTextAsync("SLO 1m 00s");
        await Expect(page.Locator("[data-testid='latency-table'] tbody tr a").First).ToHaveAttributeAsync("href", new Regex("^/runs\\?from=.+&to=.+")); // a day's runs
    }

    [Fact]
    public async Task Decisions_filter_by_kind_and_link_to_their_run_and_step()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/decisions?kind=PolicyBlock");

        var rows = page.Locator("[data-testid='decisions'] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.All(await rows.Locator("td:nth-child(2)").AllTextContentsAsync(), kind => Assert.Equal("PolicyBlock", kind));
        await Expect(page.Locator("[data-testid='decision-counts'] .main-svg").First).ToBeVisibleAsync();

        await rows.First.Locator("td:nth-child(9) a").ClickAsync(); // the step number

        await Expect(page).ToHaveURLAsync(new Regex("/runs/.+\\?step=\\d+"));
        await Expect(page.GetByTestId("step-details")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_bar_of_the_decision_counts_opens_the_decisions_of_its_kind_and_day()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/decisions?kind=Fallback");
        var bars = page.Locator("[data-testid='decision-counts'] .barlayer .point path");
        await Expect(bars.First).ToBeVisibleAsync();

        // The tallest bar: a day with one fallback draws a bar too thin to click.
        var tallest = await bars.EvaluateAllAsync<int>(
            "paths => paths.map(p => p.getBBox().height).reduce((best, height, i, all) => height > all[best] ? i : best, 0)");
        await bars.Nth(tallest).ClickAsync(new LocatorClickOptions { Force = true });

        await Expect(page).ToHaveURLAsync(new Regex("^(?=.*kind=Fallback)(?=.*from=\\d{4}-\\d\\d-\\d\\dT00)(?=.*to=\\d{4}-).*/decisions\\?"));
        await Expect(page.Locator("input[data-filter='from']")).ToHaveValueAsync(new Regex("T00"));
        var rows = page.Locator("[data-testid='decisions'] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var days = (await rows.Locator("td:nth-child(1)").AllTextContentsAsync()).Select(t => t[..10]).Distinct().ToList();
        Assert.Single(days);
    }
}
