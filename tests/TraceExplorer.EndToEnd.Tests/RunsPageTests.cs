using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed partial class RunsPageTests(AppFixture app)
{
    [Fact]
    public async Task The_home_page_lists_the_demo_runs_and_a_run_opens_its_page()
    {
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);

        await runs.GoToAsync("/");

        Assert.True(await runs.TotalAsync() >= AppFixture.DemoRuns);
        await Expect(runs.Rows).ToHaveCountAsync(50);
        var runId = await runs.RunLinks.First.InnerTextAsync();
        await runs.Rows.First.Locator("td").Nth(1).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{runId}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(runId);
        await Expect(page.Locator(".wf-row[data-step]").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Choosing_a_filter_narrows_the_list_and_lands_in_the_url()
    {
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);
        await runs.GoToAsync();
        var all = await runs.TotalAsync();

        await runs.ChooseAsync("Status", "error");

        await Expect(page).ToHaveURLAsync(new Regex("/runs\\?status=error$"));
        await Expect(runs.Count).Not.ToHaveTextAsync($"{all:N0} runs");
        var errors = await runs.TotalAsync();
        Assert.InRange(errors, 1, all - 1);
        Assert.All(await runs.StatusChips.AllInnerTextsAsync(), text => Assert.Contains("error", text));
    }

    [Fact]
    public async Task Typing_in_the_search_box_and_pressing_enter_filters_by_input_text()
    {
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);
        await runs.GoToAsync();
        var all = await runs.TotalAsync();

        await page.Locator("input[data-filter=q]").FillAsync("charged twice");
        await page.Locator("input[data-filter=q]").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/runs\\?q=charged%20twice$"));
        await Expect(runs.Count).Not.ToHaveTextAsync($"{all:N0} runs");
        Assert.InRange(await runs.TotalAsync(), 1, all - 1);
    }

    [Fact]
    public async Task A_shared_link_reproduces_the_view()
    {
        var api = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?policyVersion=policy-2026.11.2&sort=durationMs&dir=desc&pageSize=1");
        var slowest = api.GetProperty("items")[0].GetProperty("runId").GetString()!;
        var total = api.GetProperty("totalCount").GetInt32();
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);

        await runs.GoToAsync("/runs?policyVersion=policy-2026.11.2&sort=durationMs&dir=desc");

        await Expect(runs.Count).ToHaveTextAsync($"{total:N0} runs");
        await Expect(runs.RunLinks.First).ToHaveTextAsync(slowest);
        await Expect(page.Locator("button.sort-header[aria-sort=descending]")).ToHaveTextAsync("Duration");
    }

    [Fact]
    public async Task A_tool_call_id_typed_in_the_app_bar_opens_its_run_at_that_step()
    {
        var list = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?pageSize=1&sort=startTime&dir=asc");
        var runId = list.GetProperty("items")[0].GetProperty("runId").GetString()!;
        var steps = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
        var toolCallId = steps.EnumerateArray().First(s => s.TryGetProperty("toolCallId", out var id) && id.ValueKind == JsonValueKind.String)
            .GetProperty("toolCallId").GetString()!;
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);
        await runs.GoToAsync();

        await page.GetByLabel("Find a run by id").FillAsync(toolCallId);
        await page.GetByLabel("Find a run by id").PressAsync("Enter");

        // One match: the lookup opens the run at the step of that tool call.
        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{runId}\\?step=\\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(runId);
        await Expect(page.GetByTestId("step-details")).ToContainTextAsync(toolCallId);
        await Expect(page.Locator(".wf-row.selected")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sorting_and_paging_are_kept_in_the_url()
    {
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);
        await runs.GoToAsync();

        await runs.SortByAsync("Steps");
        await Expect(page).ToHaveURLAsync(new Regex("sort=stepCount&dir=desc$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Page 2" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=stepCount&dir=desc&page=2$"));

        await page.ReloadAsync();

        await Expect(page.Locator(".pager-range")).ToHaveTextAsync(new Regex("^51–100 of"));
        await Expect(page.Locator("button.sort-header[aria-sort=descending]")).ToHaveTextAsync("Steps");
    }

    [Fact]
    public async Task An_unknown_address_shows_a_not_found_page()
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByText("Page not found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dark_mode_is_remembered_across_reloads_from_the_first_paint()
    {
        var page = await app.NewPageAsync();
        var runs = new RunsPageObject(page);
        await runs.GoToAsync();
        var light = await BackgroundAsync(page);

        await page.GetByLabel("Toggle dark mode").ClickAsync();
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        var dark = await BackgroundAsync(page);
        await page.ReloadAsync();
        await runs.Count.WaitForAsync();

        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", dark);
        // the page as the server sends it, before any script runs, is already dark: no light flash on opening
        var html = await (await page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, "/runs").ToString())).TextAsync();
        Assert.Contains("data-theme=\"dark\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_arriving_over_otlp_appear_on_open_pages_without_a_reload()
    {
        var otlp = new OtlpClient(app.App);
        var spans = TraceExplorer.Testing.OtlpSpans.Run(901, "run-live-e2e", steps: 6);
        var list = await app.NewPageAsync();
        var runs = new RunsPageObject(list);
        await runs.GoToAsync("/runs?q=run-live-e2e");
        await Expect(runs.Count).ToHaveTextAsync("0 runs");

        await otlp.SendProtobufAsync(TraceExplorer.Testing.OtlpSpans.Request(spans.Take(2)));

        await Expect(runs.RunLinks.First).ToHaveTextAsync("run-live-e2e");
        var detail = await app.NewPageAsync();
        await detail.OpenRunAsync("/runs/run-live-e2e");
        await Expect(detail.Locator(".wf-count")).ToHaveTextAsync("2 of 2 shown");

        await otlp.SendProtobufAsync(TraceExplorer.Testing.OtlpSpans.Request(spans.Skip(2)));

        await Expect(detail.Locator(".wf-count")).ToHaveTextAsync("6 of 6 shown");
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
