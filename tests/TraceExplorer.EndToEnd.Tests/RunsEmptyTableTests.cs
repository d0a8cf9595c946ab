using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>With no run to show, the runs table's header still spans the page, at both screen sizes.</summary>
[Collection(AppCollection.Name)]
public sealed class RunsEmptyTableTests(AppFixture app)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1600, 1000)]
    public async Task The_header_spans_the_table_when_no_run_matches(int width, int height)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/runs?agent=no-such-agent");
        await Expect(page.GetByText("No runs match these filters")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<double[]>("""
            () => {
              const cells = [...document.querySelectorAll('.runs-table thead th')];
              const table = document.querySelector('.runs-table .mud-table-container');
              return [cells.reduce((sum, th) => sum + th.getBoundingClientRect().width, 0), table.clientWidth];
            }
            """);

        Assert.True(widths[0] >= widths[1] - 2, $"The header is {widths[0]:0} px wide in a {widths[1]:0} px table.");
    }
}
