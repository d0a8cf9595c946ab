using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceExplorer.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>The runs list at the widths people use: it fits, its columns are the reader's, its chart leads to runs.</summary>
[Collection(AppCollection.Name)]
public sealed class RunsListLayoutTests(AppFixture app)
{
    private async Task<(IPage Page, RunsPageObject Runs)> OpenAsync(int width, int height, string path = "/runs")
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var runs = new RunsPageObject(page);
        await runs.GoToAsync(path);
        await Expect(runs.Rows.First).ToBeVisibleAsync();
        return (page, runs);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1600, 1000)]
    public async Task The_default_columns_fit_without_a_horizontal_scrollbar(int width, int height)
    {
        var (page, runs) = await OpenAsync(width, height);
        await Expect(runs.ChartPoints.First).ToBeAttachedAsync();

        var widths = await page.EvaluateAsync<int[]>("""
            () => {
              const box = document.querySelector('.runs-table .mud-table-container');
              const doc = document.documentElement;
              return [box.scrollWidth, box.clientWidth, doc.scrollWidth, doc.clientWidth];
            }
            """);

        Assert.True(widths[0] <= widths[1], $"The table scrolls sideways: {widths[0]} px in {widths[1]} px.");
        Assert.True(widths[2] <= widths[3], $"The page scrolls sideways: {widths[2]} px in {widths[3]} px.");
        foreach (var column in new[] { "Status", "Start", "Run", "Agent", "Route", "Duration", "Steps", "Error", "Versions" })
        {
            await Expect(runs.HeaderCells.Filter(new() { HasTextRegex = new Regex($"^{column}") })).ToBeInViewportAsync();
        }
    }

    [Fact]
    public async Task A_hidden_column_stays_hidden_after_a_reload()
    {
        var (page, runs) = await OpenAsync(1280, 800);
        await Expect(runs.HeaderCells.Filter(new() { HasTextString = "Route" })).ToHaveCountAsync(1);

        await runs.ToggleColumnAsync("Route");

        await Expect(runs.HeaderCells.Filter(new() { HasTextString = "Route" })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(runs.Rows.First).ToBeVisibleAsync();
        await Expect(runs.HeaderCells.Filter(new() { HasTextString = "Agent" })).ToHaveCountAsync(1);
        await Expect(runs.HeaderCells.Filter(new() { HasTextString = "Route" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_column_chooser_works_from_the_keyboard()
    {
        var (page, runs) = await OpenAsync(1600, 1000);
        var chooser = page.GetByTestId("column-chooser").Locator("button").First;

        await chooser.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var tokens = page.Locator(".mud-popover-open .column-choice").Filter(new() { HasTextString = "Tokens" });
        await Expect(tokens).ToBeVisibleAsync();
        // The menu moves the focus into itself as it opens, which under load comes after the item was focused: focus
        // Tokens until it keeps the focus, then press Enter on it.
        var trying = System.Diagnostics.Stopwatch.StartNew();
        while (trying.Elapsed < TimeSpan.FromSeconds(30))
        {
            await tokens.FocusAsync();
            if (await tokens.EvaluateAsync<bool>("item => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(item === document.activeElement))))"))
            {
                break;
            }
        }

        await Expect(tokens).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(runs.HeaderCells.Filter(new() { HasTextString = "Tokens" })).ToHaveCountAsync(1);
        await Expect(tokens).ToHaveAttributeAsync("aria-checked", "true");
    }

    [Fact]
    public async Task The_error_column_shows_the_planted_timeout()
    {
        var (page, runs) = await OpenAsync(1280, 800, $"/runs?policyVersion={DemoIncidents.Policy.After}&status=error");

        var timeout = runs.ErrorLinks.Filter(new() { HasTextString = $"{DemoIncidents.TimingOutTool} · timeout: {DemoIncidents.TimingOutTool} timed out" }).First;
        await Expect(timeout).ToBeVisibleAsync();
        await Expect(timeout).ToHaveAttributeAsync("href", new Regex("\\?step=\\d+$"));

        await timeout.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/runs/run_[0-9a-f]+\\?step=\\d+$"));
    }

    [Fact]
    public async Task Clicking_a_point_of_the_chart_opens_its_run()
    {
        var (page, runs) = await OpenAsync(1600, 1000, "/runs?agent=returns-agent");
        var point = runs.ChartPoints.First;
        await Expect(point).ToBeVisibleAsync();

        await point.ClickAsync(new() { Force = true });

        await Expect(page).ToHaveURLAsync(new Regex("/runs/run_[0-9a-f]+$"));
        var runId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        await Expect(page.Locator("h1")).ToHaveTextAsync(runId);
    }

    [Fact]
    public async Task Dragging_across_the_chart_filters_the_list_to_that_time()
    {
        var (page, runs) = await OpenAsync(1600, 1000);
        await Expect(runs.ChartPoints.First).ToBeAttachedAsync();
        var all = await runs.TotalAsync();
        var plot = await page.Locator("[data-testid=duration-chart] .nsewdrag").First.BoundingBoxAsync();
        Assert.NotNull(plot);

        var y = plot.Y + plot.Height / 2;
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.3f, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.5f, y, new() { Steps = 10 });
        await page.Mouse.MoveAsync(plot.X + plot.Width * 0.6f, y, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/runs\?from=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ&to=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ$"));
        await Expect(runs.Count).Not.ToHaveTextAsync($"{all:N0} runs");
        Assert.InRange(await runs.TotalAsync(), 1, all - 1);
        await Expect(page.Locator("input[data-filter=from]")).Not.ToHaveValueAsync("");
    }
}
