using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>Sign-in modes from the outside: the printed browser token, and start-up refusing an exposed unsecured UI.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task The_token_printed_at_start_up_signs_a_browser_in_as_admin()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Frontend__AuthMode"] = "BrowserToken" });
        var printed = Regex.Match(app.Output(), @"/login\?token=([A-Za-z0-9_\-]+)");
        Assert.True(printed.Success, app.Output());
        Assert.Single(Regex.Matches(app.Output(), @"login\?token="));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = app.UiAddress.ToString() });

        await page.GotoAsync("/runs");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl="));
        await Expect(page.Locator("body")).ToContainTextAsync("Sign in with the link TraceExplorer printed");

        await page.GotoAsync($"/login?token={printed.Groups[1].Value}&returnUrl=/audit");

        await Expect(page).ToHaveURLAsync(new Regex("/audit$"));
        await Expect(page.GetByTestId("signed-in")).ToHaveTextAsync("admin");
        await Expect(page.GetByTestId("unsecured-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unsecured_ui_on_every_interface_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Urls"] = "http://0.0.0.0:0",
            ["Ingest__AuthMode"] = "ApiKey",
            ["Ingest__PrimaryApiKey"] = "k",
        }));

        Assert.Contains("Frontend:AuthMode is Unsecured", error.Message, StringComparison.Ordinal);
    }
}
