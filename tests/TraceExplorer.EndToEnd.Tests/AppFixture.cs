using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Starts the real app (the built TraceExplorer.Web.dll) on a free loopback port with a new SQLite file and demo
/// seeding, and a headless Chromium to drive it. Shared by every test in the collection.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const int DemoRuns = 400;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly StringBuilder _output = new();
    private Process? _app;
    private IPlaywright? _playwright;
    private string _dataDirectory = "";

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var projectDirectory = Path.Combine(root, "src", "TraceExplorer.Web");
        // The tests run from tests/…/bin/{Configuration}/net10.0; the app was built with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var appDll = Path.Combine(projectDirectory, "bin", configuration, "net10.0", "TraceExplorer.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new FileNotFoundException($"Build the solution first; the app was not found at {appDll}.");
        }

        _dataDirectory = Path.Combine(Path.GetTempPath(), "traceexplorer-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");

        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseAddress.ToString();
        start.Environment["Ingest__HttpUrl"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Ingest__GrpcUrl"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Ingest__EndUserHashKeyFile"] = Path.Combine(_dataDirectory, "enduser-hash.key");
        start.Environment["ConnectionStrings__TraceStore"] = $"Data Source={Path.Combine(_dataDirectory, "e2e.db")}";
        start.Environment["DemoData__RunCount"] = DemoRuns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _app = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        _app.OutputDataReceived += (_, e) => Record(e.Data);
        _app.ErrorDataReceived += (_, e) => Record(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        Http = new HttpClient { BaseAddress = BaseAddress };
        await WaitUntilServingAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new page in a fresh browser context, with browser errors reported as test output.</summary>
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
        Http?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }

        _app?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_app.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await Http.GetAsync("/api/runs?pageSize=1");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not serve within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TraceExplorer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("TraceExplorer.sln was not found above the test binaries.");
    }
}
