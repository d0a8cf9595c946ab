using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Opening a run page as a user would before acting on it. The page comes prerendered, as a picture: a click, a drag or
/// typing before its circuit has the whole run is lost or undone by the render that follows (the steps arriving, a
/// failed run's step being chosen, the new-version line pushing the waterfall down). The page says when it is done.
/// </summary>
internal static class RunPageOpening
{
    public static async Task OpenRunAsync(this IPage page, string pathAndQuery)
    {
        await page.GotoAsync(pathAndQuery);
        await Expect(page.Locator(".run-page")).ToHaveAttributeAsync("data-state", "open");
    }
}
