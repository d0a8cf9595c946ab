using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// The latency report on paper: every chart within the page's printable width, no chart toolbar or navigation, both
/// ends of the period as dates, the filters and last period's figures; and the SLO field that reads durations.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LatencyReportPrintTests(AppFixture app)
{
    /// <summary>The stylesheet's page margin (12 mm) on each side.</summary>
    private const double MarginMm = 12;

    public static TheoryData<string, bool, double> Papers => new()
    {
        { "A4", false, 210 },
        { "A4", true, 297 },
        { "Letter", false, 215.9 },
    };

    [Theory]
    [MemberData(nameof(Papers))]
    public async Task Printed_charts_fit_the_page_without_toolbars_and_with_absolute_dates(string format, bool landscape, double paperWidthMm)
    {
        var page = await OpenReportAsync();
        await Expect(page.Locator("[data-testid='latency-chart'] .modebar-container")).ToHaveCountAsync(1);

        // Print lays the page out at the paper's width without resizing the window, so Plotly does not redraw: the
        // charts drawn for a 1600 px screen must shrink to the page through the print stylesheet alone.
        var printableWidth = (paperWidthMm - 2 * MarginMm) / 25.4 * 96;
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.AddStyleTagAsync(new() { Content = $"body {{ width: {printableWidth:0}px !important; }}" });

        var charts = page.Locator(".chart-view svg.main-svg");
        Assert.True(await charts.CountAsync() >= 2);
        foreach (var chart in await charts.AllAsync())
        {
            var box = await chart.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.X + box.Width, printableWidth / 2, printableWidth + 1);
        }

        await Expect(page.Locator(".modebar-container").First).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("period")).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d UTC;"));
        await Expect(page.GetByTestId("period")).Not.ToContainTextAsync("now");
        await Expect(page.GetByTestId("applied-filters")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("applied-filters")).ToContainTextAsync("Agent support-agent");
        await Expect(page.GetByTestId("applied-filters")).ToContainTextAsync("SLO 1m 00s");
        await Expect(page.Locator("[data-card='p95 latency'] .card-previous")).ToHaveTextAsync(new Regex(@"^Previous period: \d"));
        await Expect(page.Locator("[data-testid='latency-chart'] .legend")).ToContainTextAsync("previous period");

        var pdf = await page.PdfAsync(new() { Format = format, Landscape = landscape });
        Assert.True(pdf.Length > 10_000);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task The_slo_field_reads_durations_on_enter_and_names_a_bad_value()
    {
        var page = await OpenReportAsync();
        var slo = page.Locator("input[data-testid='slo'], [data-testid='slo'] input").First;

        await slo.FillAsync("1.5m");
        await slo.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("sloMs=90000"));
        await Expect(page.Locator("[data-testid='latency-chart']")).ToContainTextAsync("SLO 1m 30s");
        await Expect(slo).ToHaveValueAsync("1.5m");

        await slo.FillAsync("fast");
        await slo.PressAsync("Enter");

        await Expect(page.GetByText("'fast' is not a duration")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sloMs=90000"));

        await slo.FillAsync("800ms");
        await slo.BlurAsync();

        await Expect(page).ToHaveURLAsync(new Regex("sloMs=800(&|$)"));
        await Expect(page.Locator("[data-testid='latency-chart']")).ToContainTextAsync("SLO 800 ms");
    }

    private async Task<IPage> OpenReportAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/reports/latency?sloMs=60000&agent=support-agent");
        await Expect(page.Locator("[data-testid='latency-chart'] .main-svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='error-chart'] .main-svg").First).ToBeVisibleAsync();
        return page;
    }
}
