using Microsoft.Playwright;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>The runs list as a user sees it.</summary>
public sealed class RunsPageObject(IPage page)
{
    public ILocator Rows => page.Locator("tr.run-row");

    public ILocator RunLinks => page.Locator("tr.run-row a.run-link");

    public ILocator Count => page.GetByTestId("run-count");

    public ILocator StatusChips => page.Locator("tr.run-row .status-chip");

    public ILocator HeaderCells => page.Locator(".runs-table thead th");

    public ILocator ErrorLinks => page.Locator("tr.run-row a.error-link");

    public ILocator DurationChart => page.GetByTestId("duration-chart");

    /// <summary>Plotly's drawing of the chart's points, there once the chart is on screen.</summary>
    public ILocator ChartPoints => page.Locator("[data-testid=duration-chart] .scatterlayer .point");

    public async Task ToggleColumnAsync(string label)
    {
        await page.GetByTestId("column-chooser").Locator("button").First.ClickAsync();
        await page.Locator(".mud-popover-open .column-choice").Filter(new() { HasTextString = label }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }

    public async Task GoToAsync(string pathAndQuery = "/runs")
    {
        await page.GotoAsync(pathAndQuery);
        await page.Locator("[data-testid=run-count]").WaitForAsync();
    }

    public async Task ChooseAsync(string filterLabel, string option)
    {
        await page.Locator(".filter-bar .mud-select.filter-field").Filter(new() { HasText = filterLabel }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option }).First.ClickAsync();
    }

    public async Task SortByAsync(string column) => await page.Locator("button.sort-header").Filter(new() { HasText = column }).ClickAsync();

    public async Task<int> TotalAsync()
    {
        var text = await Count.InnerTextAsync();
        return int.Parse(text.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }
}
