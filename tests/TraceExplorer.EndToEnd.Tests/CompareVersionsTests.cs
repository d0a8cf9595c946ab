using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceExplorer.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>From /compare, each planted incident is found: its version flagged worse, its step at the top.</summary>
[Collection(AppCollection.Name)]
public sealed class CompareVersionsTests(AppFixture app)
{
    [Theory]
    [InlineData("policy_version", "Error rate", DemoIncidents.TimingOutTool)]
    [InlineData("prompt_version", "Validation failure rate", DemoIncidents.FailingReplySchema)]
    [InlineData("route_config_version", "Fallback rate", DemoIncidents.RepeatedRetrievalTool)]
    public async Task The_planted_incident_is_flagged_and_its_step_tops_the_list(string dimension, string metric, string step)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/compare?dimension={dimension}");

        await Expect(page.GetByTestId("step-groups")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-metric='{metric}']")).ToHaveClassAsync(new Regex("regressed"));
        await Expect(page.Locator($"[data-metric='{metric}'] .verdict")).ToContainTextAsync("worse");
        var top = page.Locator("[data-step-group]").First;
        await Expect(top).ToHaveAttributeAsync("data-step-group", step);
        await Expect(top).ToHaveClassAsync(new Regex("regressed"));
        await Expect(page.GetByTestId("compare-verdict")).ToContainTextAsync(step);

        // The defaults are written into the address bar, so the link reproduces the comparison.
        await Expect(page).ToHaveURLAsync(new Regex("a=.+&b=.+&from=.+&to="));
        await Expect(page.Locator("[data-testid='distribution-chart'] .main-svg").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_benign_change_is_not_flagged()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compare?dimension=tool_contract_version");

        await Expect(page.GetByTestId("compare-verdict")).ToContainTextAsync("No metric is significantly worse in B.");
        await Expect(page.Locator("[data-metric].regressed")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_change_on_the_timeline_opens_its_before_and_after_comparison()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compare/timeline");
        var policy = page.GetByTestId("timeline-policy_version");
        await Expect(policy.Locator(".main-svg").First).ToBeVisibleAsync();

        await policy.GetByTestId("compare-change").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"dimension=policy_version&a={Regex.Escape(DemoIncidents.Policy.Before)}&b={Regex.Escape(DemoIncidents.Policy.After)}"));
        await Expect(page.Locator("[data-step-group]").First).ToHaveAttributeAsync("data-step-group", DemoIncidents.TimingOutTool);
    }

    [Fact]
    public async Task The_worst_B_run_of_a_step_opens_as_a_diff_with_a_typical_run_of_A()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/compare?dimension=policy_version");
        var top = page.Locator("[data-step-group]").First;
        await Expect(top).ToHaveAttributeAsync("data-step-group", DemoIncidents.TimingOutTool);

        await top.GetByRole(AriaRole.Button, new() { Name = "Diff worst B run" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/compare/runs\\?a=.+&b=.+"));
        await Expect(page.GetByTestId("version-differences")).ToContainTextAsync(DemoIncidents.Policy.After);
    }

    [Fact]
    public async Task A_run_page_compares_with_any_run_by_its_request_id()
    {
        var runs = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?pageSize=2");
        var (first, second) = (runs.GetProperty("items")[0], runs.GetProperty("items")[1]);
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{first.GetProperty("runId").GetString()}");

        await page.GetByTestId("compare-with-input").FillAsync(second.GetProperty("requestId").GetString()!);
        await page.GetByTestId("compare-with-input").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/compare/runs\\?a={first.GetProperty("runId").GetString()}&b={second.GetProperty("runId").GetString()}"));
    }
}
