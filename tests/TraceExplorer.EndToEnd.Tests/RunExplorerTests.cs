using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

[Collection(AppCollection.Name)]
public sealed class RunExplorerTests(AppFixture app)
{
    [Fact]
    public async Task Collapsing_a_step_hides_its_descendants_and_expanding_shows_them_again()
    {
        var (runId, total) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");
        await Expect(page.Locator(".wf-count")).ToHaveTextAsync($"{total} of {total} shown");

        // Step 7 (orders.lookup) has the HTTP call as its child.
        await page.Locator(".wf-row[data-step='7'] .wf-toggle").ClickAsync();

        await Expect(page.Locator(".wf-count")).ToHaveTextAsync($"{total - 1} of {total} shown");
        await Expect(page.Locator(".wf-row[data-step='8']")).ToHaveCountAsync(0);
        await page.Locator(".wf-row[data-step='7'] .wf-toggle").ClickAsync();
        await Expect(page.Locator(".wf-row[data-step='8']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Collapse all" }).ClickAsync();
        await Expect(page.Locator(".wf-count")).ToHaveTextAsync($"1 of {total} shown");
    }

    [Fact]
    public async Task Searching_within_the_run_highlights_matches_and_jumps_between_them()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");
        var search = page.GetByTestId("step-search");

        await search.FillAsync("orders.lookup");
        await search.PressAsync("Enter");

        await Expect(page.GetByTestId("match-count")).ToHaveTextAsync(new Regex("^1 of \\d+$"));
        await Expect(page.Locator(".wf-row.match[data-step='7']")).ToBeVisibleAsync();
        await Expect(page.Locator(".wf-row.match.current")).ToHaveCountAsync(1);
        var first = await page.Locator(".wf-row.match.current").GetAttributeAsync("data-step");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next match" }).ClickAsync();
        await Expect(page.GetByTestId("match-count")).ToHaveTextAsync(new Regex("^2 of \\d+$"));
        await Expect(page.Locator(".wf-row.match.current")).Not.ToHaveAttributeAsync("data-step", first!);

        // A tool call id names exactly one step.
        var toolCallId = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps?offset=6&limit=1");
        await search.FillAsync(toolCallId[0].GetProperty("toolCallId").GetString()!);
        await search.PressAsync("Enter");
        await Expect(page.GetByTestId("match-count")).ToHaveTextAsync("1 of 1");
        await Expect(page.Locator(".wf-row.match.current")).ToHaveAttributeAsync("data-step", "7");
    }

    [Fact]
    public async Task Clicking_a_decision_selects_and_shows_its_step()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");

        await page.Locator(".ds-item").Filter(new() { HasText = "step 7" }).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{runId}\\?step=7$"));
        await Expect(page.Locator(".wf-row.selected")).ToHaveAttributeAsync("data-step", "7");
        await Expect(page.Locator(".ds-item.of-selected").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_deep_link_to_a_step_selects_it_and_shows_its_details()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();

        await page.OpenRunAsync($"/runs/{runId}?step=7");

        await Expect(page.Locator(".wf-row.selected")).ToHaveAttributeAsync("data-step", "7");
        var details = page.GetByTestId("step-details");
        await Expect(details).ToHaveAttributeAsync("data-step", "7");
        await Expect(details).ToContainTextAsync("orders.lookup");
        await Expect(details).ToContainTextAsync("order_id");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1600, 1000)]
    public async Task A_failed_run_names_where_its_failure_starts_and_opens_there(int width, int height)
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);

        await page.OpenRunAsync($"/runs/{runId}");

        // The HTTP call under orders.lookup (step 8) is where the timeout starts; the tool call and the run failed with it.
        var cause = page.GetByTestId("failure-cause");
        await Expect(cause).ToContainTextAsync("Failed at step 8");
        await Expect(cause).ToContainTextAsync("in tool orders.lookup");
        await Expect(cause).ToContainTextAsync("timeout");
        await Expect(cause).ToBeInViewportAsync();
        await Expect(page.GetByTestId("step-counts")).ToContainTextAsync("1 failed step (2 parents failed with it)");
        await Expect(page.Locator(".wf-row.selected")).ToHaveAttributeAsync("data-step", "8");
        await Expect(page.GetByTestId("step-details")).ToHaveAttributeAsync("data-step", "8");

        // A link to another step still opens at that step.
        await page.OpenRunAsync($"/runs/{runId}?step=3");
        await Expect(page.Locator(".wf-row.selected")).ToHaveAttributeAsync("data-step", "3");
    }

    [Fact]
    public async Task Repeated_calls_with_the_same_arguments_are_marked_and_highlighted_together()
    {
        // The fallback route repeats kb.search with identical arguments (the planted route-config incident).
        var runs = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?route=fallback-small&pageSize=50&sort=startTime&dir=asc");
        string? runId = null;
        foreach (var run in runs.GetProperty("items").EnumerateArray())
        {
            var steps = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{run.GetProperty("runId").GetString()}/steps");
            if (steps.EnumerateArray().Where(s => s.GetProperty("toolName").GetString() == "kb.search")
                    .GroupBy(s => s.GetProperty("toolArgumentsHash").GetString()).Any(g => g.Count() >= 2))
            {
                runId = run.GetProperty("runId").GetString();
                break;
            }
        }

        Assert.NotNull(runId);
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");

        var marks = page.GetByTestId("repeat-mark");
        await Expect(marks.First).ToContainTextAsync("same arguments");
        var group = int.Parse(Regex.Match(await marks.First.InnerTextAsync(), @"×(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(group >= 2, $"a group of {group}");
        await Expect(marks.Nth(group - 1)).ToBeAttachedAsync(); // each call of the group carries the mark
        await marks.First.ClickAsync();
        await Expect(page.Locator(".wf-row.repeat")).ToHaveCountAsync(group);
        await marks.First.ClickAsync();
        await Expect(page.Locator(".wf-row.repeat")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Dragging_across_the_time_axis_zooms_and_reset_restores_it()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");
        var axis = page.Locator(".wf-axis");

        await Expect(axis).ToBeVisibleAsync();
        var box = (await axis.BoundingBoxAsync())!;
        var ticksBefore = await page.Locator(".wf-tick").AllInnerTextsAsync();

        await page.Mouse.MoveAsync(box.X + (box.Width * 0.3f), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.6f), box.Y + (box.Height / 2), new() { Steps = 5 });
        await page.Mouse.UpAsync();

        await Expect(page.GetByTestId("reset-zoom")).ToBeVisibleAsync();
        Assert.NotEqual(ticksBefore, await page.Locator(".wf-tick").AllInnerTextsAsync());
        await page.GetByTestId("reset-zoom").ClickAsync();
        await Expect(page.GetByTestId("reset-zoom")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Version_and_model_chips_open_the_runs_filtered_by_them()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");

        await page.Locator(".facts a.version-chip").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/runs\\?model="));
        await Expect(page.GetByTestId("run-count")).ToBeVisibleAsync();
        Assert.True(int.Parse((await page.GetByTestId("run-count").InnerTextAsync()).Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task The_replay_stepper_walks_the_run_in_execution_order()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Replay" }).ClickAsync();

        await page.GetByTestId("replay-start").ClickAsync();
        await Expect(page.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", "1");
        for (var step = 2; step <= 7; step++)
        {
            await page.GetByTestId("replay-next").ClickAsync();
            await Expect(page.GetByTestId("replay-stepper")).ToHaveAttributeAsync("data-step", step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{runId}\\?(.+&)?step=7(&|$)"));
        await Expect(page.Locator(".wf-row.selected")).ToHaveAttributeAsync("data-step", "7");
        var stepper = page.GetByTestId("replay-stepper");
        await Expect(stepper).ToContainTextAsync("order_id");
        await Expect(stepper).ToContainTextAsync("timeout");
        await Expect(stepper).ToContainTextAsync("egress");
        await page.GetByTestId("replay-previous").ClickAsync();
        await Expect(stepper).ToHaveAttributeAsync("data-step", "6");
    }

    [Fact]
    public async Task A_run_can_be_pinned_for_an_incident_and_unpinned()
    {
        var (runId, _) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");
        await page.GetByTestId("pin-note-input").FillAsync("INC-4242 orders.lookup timeouts");
        await page.GetByTestId("pin").ClickAsync();

        await Expect(page.GetByTestId("pin-note")).ToContainTextAsync("INC-4242");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("pin-note")).ToContainTextAsync("INC-4242");
        await page.GetByTestId("unpin").ClickAsync();
        await Expect(page.GetByTestId("pin-note")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_retry_opens_a_diff_with_its_parent()
    {
        var retries = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?pageSize=200&sort=startTime&dir=asc");
        var retry = retries.GetProperty("items").EnumerateArray().First(r => r.GetProperty("relation").GetString() == "retry").GetProperty("runId").GetString()!;
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{retry}");

        await page.GetByTestId("diff-with-parent").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/compare/runs\\?a=.+&b={retry}$"));
        await Expect(page.GetByTestId("step-differences").Locator("tbody tr").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-change=same]").CountAsync() > 0);
        await page.Locator("[data-change=same]").First.ClickAsync();
        await Expect(page.Locator(".diff-detail")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_replay_bundle_downloads_as_a_file()
    {
        var (runId, steps) = await RunWithNestedStepsAsync();
        var page = await app.NewPageAsync();
        await page.OpenRunAsync($"/runs/{runId}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-replay").ClickAsync());

        Assert.Equal($"{runId}.replay.json", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var bundle = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal("traceexplorer.replay/v1", bundle.RootElement.GetProperty("schema").GetString());
        Assert.Equal(steps, bundle.RootElement.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Span_content_renders_as_text_in_the_explorer()
    {
        const string script = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";
        var spans = TraceExplorer.Testing.OtlpSpans.Run(950, "run-xss", steps: 2);
        spans[1].Name = script;
        spans[1].Attributes.Add(TraceExplorer.Testing.OtlpSpans.Attribute("gen_ai.tool.call.arguments", script));
        await new OtlpClient(app.App).SendProtobufAsync(TraceExplorer.Testing.OtlpSpans.Request(spans));
        var page = await app.NewPageAsync();

        await page.GotoAsync("/runs/run-xss?step=2");

        await Expect(page.GetByTestId("step-details")).ToContainTextAsync("onerror=");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("[data-testid=step-details] img, .waterfall img").CountAsync());
    }

    // A demo run after the policy rollout whose step 7 (orders.lookup, with its HTTP child) timed out.
    private async Task<(string RunId, int Steps)> RunWithNestedStepsAsync()
    {
        var runs = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs?policyVersion=policy-2026.11.2&status=error&pageSize=100&sort=startTime&dir=asc");
        foreach (var run in runs.GetProperty("items").EnumerateArray())
        {
            var runId = run.GetProperty("runId").GetString()!;
            var steps = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
            if (steps.EnumerateArray().Any(s => s.GetProperty("stepNumber").GetInt32() == 7 && s.GetProperty("errorType").GetString() == "timeout"))
            {
                return (runId, steps.GetArrayLength());
            }
        }

        throw new InvalidOperationException("The demo data has no run whose step 7 timed out.");
    }
}
