using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>The run page at the two screen sizes it is made for: what is in view on opening, the keyboard, and the URL.</summary>
[Collection(AppCollection.Name)]
public sealed class RunPageTests(AppFixture app)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1600, 1000)]
    public async Task A_steps_decisions_are_in_view_beside_it_without_a_click(int width, int height)
    {
        var page = await PageAsync(width, height);

        // The fallback route's run takes its fallback at step 2: named in the step's details and highlighted in the log beside them.
        var fallbackRun = await FirstRunAsync("/api/runs?route=fallback-small&pageSize=20&sort=startTime&dir=asc");
        await page.OpenRunAsync($"/runs/{fallbackRun}?step=2");
        await Expect(page.GetByTestId("step-decisions").Locator("[data-kind=fallback]")).ToBeInViewportAsync();
        await Expect(page.Locator(".ds-item.of-selected[data-kind=fallback]")).ToBeVisibleAsync();
        await Expect(page.Locator(".ds-item.of-selected[data-kind=fallback]")).ToBeInViewportAsync();

        // The planted timeout run: the egress check taken at step 7, and the fallback the agent took when it timed out.
        var timeoutRun = await TimedOutRunAsync();
        await page.OpenRunAsync($"/runs/{timeoutRun}?step=7");
        await Expect(page.GetByTestId("step-decisions")).ToContainTextAsync("egress");
        await Expect(page.GetByTestId("step-decisions").Locator("[data-kind=fallback]")).ToBeInViewportAsync();
        await Expect(page.Locator(".ds-item.of-selected[data-kind=fallback]")).ToBeInViewportAsync();
        await Expect(page.Locator(".ds-item.of-selected").First).ToBeInViewportAsync();
    }

    [Fact]
    public async Task At_1280_by_800_the_decision_log_is_in_view_on_opening_above_the_step_details()
    {
        // Below 1,500 px the log and the details share one column: the log goes first, so neither needs a scroll.
        var page = await PageAsync(1280, 800);
        await page.OpenRunAsync($"/runs/{await TimedOutRunAsync()}?step=7");
        await Expect(page.GetByTestId("step-details")).ToHaveAttributeAsync("data-step", "7");

        await Expect(page.Locator("#run-decisions .ds-item.of-selected").First).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.GetByTestId("step-decisions")).ToBeInViewportAsync();
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
    }

    [Fact]
    public async Task Choosing_steps_replaces_the_history_entry_so_back_leaves_the_run()
    {
        var runId = await TimedOutRunAsync();
        var page = await PageAsync(1600, 1000);
        await page.GotoAsync("/runs");
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.OpenRunAsync($"/runs/{runId}");

        foreach (var step in new[] { "2", "4", "6" })
        {
            await page.Locator($".wf-row[data-step='{step}']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"[?&]step={step}(&|$)"));
            await Expect(page.GetByTestId("step-details")).ToHaveAttributeAsync("data-step", step);
        }

        // One Back leaves the run for the list, however many steps were chosen; Forward returns to the last one.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/runs$"));
        await page.GoForwardAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{Regex.Escape(runId)}\\?step=6$"));
        await Expect(page.GetByTestId("step-details")).ToHaveAttributeAsync("data-step", "6");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1600, 1000)]
    public async Task At_least_twelve_waterfall_rows_are_in_view_on_opening(int width, int height)
    {
        // A failed run (its header names the cause) with more steps than a screen holds.
        var runs = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?policyVersion=policy-2026.11.2&status=error&pageSize=100&sort=startTime&dir=asc");
        var runId = runs.GetProperty("items").EnumerateArray().First(r => r.GetProperty("stepCount").GetInt32() >= 24).GetProperty("runId").GetString();
        var page = await PageAsync(width, height);
        await page.OpenRunAsync($"/runs/{runId}");
        await Expect(page.GetByTestId("failure-cause")).ToBeVisibleAsync();
        await Expect(page.Locator(".wf-row").Nth(11)).ToBeVisibleAsync();

        var inView = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.wf-row')].filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; }).length
            """);
        Assert.True(inView >= 12, $"{inView} rows in view at {width}×{height}");

        // A duration has a column of its own: its label never lies over its bar.
        var overlaps = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.wf-row')].filter(r => {
                const bar = r.querySelector('.wf-bar'), label = r.querySelector('.wf-duration');
                if (!bar || !label) return false;
                const text = document.createRange();
                text.selectNodeContents(label);
                const a = bar.getBoundingClientRect(), b = text.getBoundingClientRect();
                return a.right > b.left && a.left < b.right;
            }).length
            """);
        Assert.Equal(0, overlaps);
        await Expect(page.Locator(".wf-tick.end")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_skip_link_is_within_three_tabs_and_takes_the_keyboard_to_the_waterfall()
    {
        var page = await PageAsync(1280, 800);
        await page.OpenRunAsync($"/runs/{await TimedOutRunAsync()}");
        await Expect(page.Locator("h1")).ToBeFocusedAsync();

        var presses = 0;
        while (presses < 3 && !await page.GetByTestId("skip-to-steps").EvaluateAsync<bool>("e => e === document.activeElement"))
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
        }

        await Expect(page.GetByTestId("skip-to-steps")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#waterfall")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(page.Locator(".wf-row.selected")).ToHaveAttributeAsync("data-step", "1");
    }

    [Fact]
    public async Task The_tab_and_step_are_in_the_url_and_back_and_a_shared_link_restore_them()
    {
        var runId = await TimedOutRunAsync();
        var page = await PageAsync(1600, 1000);
        await page.OpenRunAsync($"/runs/{runId}?step=3");
        await Expect(page.GetByTestId("step-details")).ToHaveAttributeAsync("data-step", "3");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Replay" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("[?&]tab=replay"));
        await Expect(page.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", "3");

        // The arrow keys step through the replay as its buttons do.
        await page.GetByTestId("replay-stepper").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", "4");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", "3");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]step=3"));

        var shared = page.Url;
        await page.GetByRole(AriaRole.Tab, new() { Name = "Step" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("tab="));
        await Expect(page.GetByTestId("step-details")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("[?&]tab=replay"));
        await Expect(page.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", "3");

        var other = await PageAsync(1280, 800);
        await other.GotoAsync(shared);
        await Expect(other.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", "3");
    }

    [Fact]
    public async Task A_run_after_a_rollout_names_the_new_version_and_compares_it_with_the_previous()
    {
        // The first runs on the new policy ran within a day of its first appearance.
        var runId = await FirstRunAsync("/api/runs?policyVersion=policy-2026.11.2&pageSize=5&sort=startTime&dir=asc");
        var page = await PageAsync(1280, 800);
        await page.OpenRunAsync($"/runs/{runId}");

        var policy = page.GetByTestId("new-versions").Locator("[data-dimension=policy_version]");
        await Expect(policy).ToContainTextAsync("policy-2026.11.2");
        await policy.GetByTestId("compare-previous").ClickAsync();

        // The comparison then writes its window into the URL too; the agent stays.
        await Expect(page).ToHaveURLAsync(new Regex("/compare\\?dimension=policy_version&a=policy-2026\\.11\\.1&b=policy-2026\\.11\\.2(&[^&#]+)*&agent=support-agent"));
    }

    [Fact]
    public async Task Typing_in_the_step_search_filters_the_waterfall_to_the_matches()
    {
        var runId = await TimedOutRunAsync();
        var page = await PageAsync(1600, 1000);
        await page.OpenRunAsync($"/runs/{runId}");

        // Step 7's tool call id names that step alone: typed (no Enter), the tree narrows to it and the run step above it.
        var step = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps?offset=6&limit=1");
        // Under load the typed id was once gone from the field, the page open and nothing else typed (cause not found):
        // the test types it again, up to three times, and the note on the issue says so.
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("step-search").FillAsync("");
            await page.GetByTestId("step-search").PressSequentiallyAsync(step[0].GetProperty("toolCallId").GetString()!);
            try
            {
                await Expect(page.GetByTestId("match-count")).ToHaveTextAsync("1 of 1", new() { Timeout = 15_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await Expect(page.Locator(".wf-row")).ToHaveCountAsync(2);
        await Expect(page.Locator(".wf-row.match.current")).ToHaveAttributeAsync("data-step", "7");
    }

    private async Task<IPage> PageAsync(int width, int height)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    private async Task<string> FirstRunAsync(string query)
    {
        var runs = await app.Http.GetFromJsonAsync<JsonElement>(query);
        return runs.GetProperty("items")[0].GetProperty("runId").GetString()!;
    }

    // A demo run after the policy rollout whose step 7 (orders.lookup, with its HTTP child) timed out.
    private async Task<string> TimedOutRunAsync()
    {
        var runs = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?policyVersion=policy-2026.11.2&status=error&pageSize=100&sort=startTime&dir=asc");
        foreach (var run in runs.GetProperty("items").EnumerateArray())
        {
            var runId = run.GetProperty("runId").GetString()!;
            var steps = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
            if (steps.EnumerateArray().Any(s => s.GetProperty("stepNumber").GetInt32() == 7 && s.GetProperty("errorType").GetString() == "timeout"))
            {
                return runId;
            }
        }

        throw new InvalidOperationException("The demo data has no run whose step 7 timed out.");
    }
}
