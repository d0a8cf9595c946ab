using Microsoft.Playwright;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>The app with demo data, and a headless Chromium to drive it. Shared by every browser test in the collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>The demo default: the planted incidents need a day's realistic traffic to stand out from noise on the comparison pages.</summary>
    public const int DemoRuns = 3000;

    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = null!;

    public Uri BaseAddress => App.UiAddress;

    public HttpClient Http => App.Http;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["DemoData__SeedOnEmptyStore"] = "true",
            ["DemoData__RunCount"] = DemoRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Headless Debian Chromium (CHROMIUM_PATH to use another), as every browser test starts it.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        // The machine has no network beyond loopback: keep Chromium from reaching out at start.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A new page in a fresh browser context.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
