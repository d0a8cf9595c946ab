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
        await using var browser = await AppFixture.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = app.UiAddress.ToString() });

        await page.GotoAsync("/runs");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl="));
        await Expect(page.Locator("body")).ToContainTextAsync("the link TraceExplorer printed");

        // The form posts the token (it never sits in the address bar or a proxy's log) and returns to the page asked for.
        await page.GetByLabel("Token").FillAsync(printed.Groups[1].Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/runs$"));
        await Expect(page.GetByTestId("signed-in")).ToHaveTextAsync("admin", new() { Timeout = 30_000 });

        // The printed link works as well.
        await using var linkContext = await browser.NewContextAsync(new() { BaseURL = app.UiAddress.ToString() });
        var linkPage = await linkContext.NewPageAsync();
        await linkPage.GotoAsync($"/login?token={printed.Groups[1].Value}&returnUrl=/audit");

        await Expect(linkPage).ToHaveURLAsync(new Regex("/audit$"));
        await Expect(linkPage.GetByTestId("signed-in")).ToHaveTextAsync("admin", new() { Timeout = 30_000 });
        await Expect(linkPage.GetByTestId("unsecured-banner")).ToHaveCountAsync(0);
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

    [Fact]
    public async Task An_openid_connect_provider_signs_a_viewer_in_who_then_sees_no_payloads_and_no_admin_page()
    {
        await using var provider = await TestIdentityProvider.StartAsync("viewer");
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Frontend__AuthMode"] = "OpenIdConnect",
            ["Frontend__OpenIdConnect__Authority"] = provider.Authority,
            ["Frontend__OpenIdConnect__ClientId"] = TestIdentityProvider.ClientId,
            ["Frontend__OpenIdConnect__ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Frontend__OpenIdConnect__RequireHttpsMetadata"] = "false",
            ["DemoData__SeedOnEmptyStore"] = "true",
            ["DemoData__RunCount"] = "30",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await AppFixture.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = app.UiAddress.ToString() });

        await page.GotoAsync("/runs");

        // The app sent the browser to the provider and back, and the role came from the "roles" claim.
        await Expect(page.GetByTestId("signed-in")).ToHaveTextAsync("viewer");
        await page.Locator("a.run-link").First.ClickAsync();
        await Expect(page.GetByTestId("payloads-hidden")).ToBeVisibleAsync();
        await page.GotoAsync("/audit");
        await Expect(page.Locator("body")).ToContainTextAsync("Your role does not allow this page.");
    }
}
