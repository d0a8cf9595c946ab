using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceExplorer.Core.Demo;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>An analytics page's open drill-down lives in its URL: Back returns to it, and a shared link opens it.</summary>
[Collection(AppCollection.Name)]
public sealed class AnalyticsUrlStateTests(AppFixture app)
{
    [Fact]
    public async Task Back_from_a_run_returns_to_the_chosen_row_and_its_drill_down()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/analytics/slow-steps");
        var row = page.Locator($"[data-testid='slow-steps'] tbody tr[data-row='{DemoIncidents.TimingOutTool}']");
        var selected = new Regex($"selected={Regex.Escape(Uri.EscapeDataString(DemoIncidents.TimingOutTool))}");

        // Once, on PostgreSQL beside the whole suite, the first click was lost: the URL kept the default range the page
        // had just written and never took the selection (cause not found; see the issue note). The click is repeated
        // until the page takes it, so that the test checks what it names: Back restores the row and its drill-down.
        for (var attempt = 1; ; attempt++)
        {
            await row.ClickAsync();
            try
            {
                await Expect(page).ToHaveURLAsync(selected, new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
        var slowest = page.GetByTestId("slowest-runs").Locator("tbody tr a").First;
        await Expect(slowest).ToBeVisibleAsync();

        await slowest.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/runs/"));
        await page.GoBackAsync();

        await Expect(row).ToHaveClassAsync(new Regex("selected"));
        await Expect(page.GetByTestId("slowest-runs").Locator("tbody tr a").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_shared_link_opens_the_drill_down_it_names()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/analytics/validation?selected=" + Uri.EscapeDataString(DemoIncidents.FailingReplySchema));
        await Expect(page.Locator("[data-testid='validation-failures'] tbody tr").First).ToBeVisibleAsync();
        var reason = await page.Locator($"[data-testid='validation-failures'] tbody tr[data-row='{DemoIncidents.FailingReplySchema}']").First.Locator("td").Nth(1).TextContentAsync();

        var shared = await app.NewPageAsync();
        await shared.GotoAsync($"/analytics/validation?selected={Uri.EscapeDataString(DemoIncidents.FailingReplySchema)}&reason={Uri.EscapeDataString(reason!.Trim())}");

        await Expect(shared.Locator($"[data-testid='validation-failures'] tbody tr.selected[data-row='{DemoIncidents.FailingReplySchema}']")).ToHaveCountAsync(1);
        await Expect(shared.Locator("[data-testid='failed-runs'] tbody a").First).ToHaveAttributeAsync("href", new Regex(@"^/runs/[^?]+\?step=\d+$"));
    }
}
