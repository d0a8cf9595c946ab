using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// The real app (the built TraceExplorer.Web.dll) in its own process on free loopback ports, with its own SQLite file
/// (or its own PostgreSQL database when the tests run against PostgreSQL). It can be killed and started again on the
/// same data, as a crash would leave it.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string StoreSetting = "ConnectionStrings__TraceStore";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string> _settings;
    private Process? _process;
    private int _outputAtLaunch;

    private readonly string? _ownDatabase;

    private AppProcess(string dataDirectory, Dictionary<string, string> settings, string? ownDatabase)
    {
        DataDirectory = dataDirectory;
        _ownDatabase = ownDatabase;
        _settings = settings;
        UiAddress = new Uri(settings["Urls"]);
        OtlpHttpAddress = new Uri(settings["Ingest__HttpUrl"]);
        OtlpGrpcAddress = new Uri(settings["Ingest__GrpcUrl"]);
        Http = new HttpClient { BaseAddress = UiAddress };
    }

    public string DataDirectory { get; }

    /// <summary>The SQLite file, when the app runs on SQLite.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "app.db");

    /// <summary>The app's own PostgreSQL database, when the tests run on PostgreSQL.</summary>
    public string? PostgresDatabase => _ownDatabase;

    public Uri UiAddress { get; }

    public Uri OtlpHttpAddress { get; }

    public Uri OtlpGrpcAddress { get; }

    /// <summary>A client for the UI port (pages and the JSON API).</summary>
    public HttpClient Http { get; }

    /// <param name="settings">Configuration as environment variables, e.g. DemoData__RunCount = 400.</param>
    /// <param name="serve">False: the process is launched and not waited for, so a test can kill it during start-up.</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, bool serve = true)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "traceexplorer-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = $"http://127.0.0.1:{FreePort()}",
            ["Ingest__HttpUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Ingest__GrpcUrl"] = $"http://127.0.0.1:{FreePort()}",
            ["Ingest__EndUserHashKeyFile"] = Path.Combine(dataDirectory, "enduser-hash.key"),
            [StoreSetting] = $"Data Source={Path.Combine(dataDirectory, "app.db")}",
            ["DemoData__SeedOnEmptyStore"] = "false",
        };
        string? ownDatabase = null;
        if (TraceExplorer.Testing.TestDatabases.OnPostgres && settings?.ContainsKey(StoreSetting) != true)
        {
            ownDatabase = await TraceExplorer.Testing.TestDatabases.CreatePostgresAsync();
            all[StoreSetting] = ownDatabase;
        }

        all["Storage__Provider"] = TraceExplorer.Testing.TestDatabases.ProviderSetting;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = new AppProcess(dataDirectory, all, ownDatabase);
        if (serve)
        {
            await app.StartAgainAsync();
        }
        else
        {
            app.Launch();
        }

        return app;
    }

    /// <summary>Starts the app (again) on the same ports and data, and waits until it serves.</summary>
    public async Task StartAgainAsync()
    {
        Launch();
        await WaitUntilServingAsync();
    }

    /// <summary>Starts the process and returns at once, before it serves.</summary>
    public void Launch()
    {
        lock (_output)
        {
            _outputAtLaunch = _output.Length;
        }

        var start = new ProcessStartInfo("dotnet", [AppDll()])
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits (bounded) until the process has written its first line of output, or has exited.</summary>
    public async Task WaitForFirstOutputAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            lock (_output)
            {
                if (_output.Length > _outputAtLaunch)
                {
                    return;
                }
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>The running process's id (for reading its memory from /proc).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The app is not running.");

    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Http.Dispose();
        if (_ownDatabase is not null)
        {
            await TraceExplorer.Testing.TestDatabases.DropPostgresAsync(_ownDatabase);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
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
            if (_process!.HasExited)
            {
                // Without a timeout this also waits for the redirected output to be read to its end.
                _process.WaitForExit();
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                // Serving means the store is open and the API answers; with sign-in on, it answers "sign in first".
                using var response = await Http.GetAsync("/api/runs?pageSize=1");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
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

    private static string AppDll() => BuiltDll("TraceExplorer.Web");

    /// <summary>
    /// A project's built assembly under src/, from the configuration these tests were built with (they run from
    /// tests/…/bin/{Configuration}/net10.0, and the solution builds everything the same way).
    /// </summary>
    public static string BuiltDll(string project)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TraceExplorer.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new DirectoryNotFoundException("TraceExplorer.sln was not found above the test binaries.");
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(directory.FullName, "src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first; {project} was not found at {dll}.");
    }

    /// <summary>
    /// A free port below the kernel's ephemeral range (32768 and up on Linux), never handed out twice in this process.
    /// A port the OS picks for port 0 is an ephemeral one: once the app is killed and started again on it, an outgoing
    /// connection of any process may hold it by then ("address already in use" on the restart, seen under load).
    /// </summary>
    public static int FreePort()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(FirstPort, LastPort);
                if (!HandedOut.Add(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Taken by another process: try another.
                }
            }
        }
    }

    private const int FirstPort = 20000;
    private const int LastPort = 32000;
    private static readonly HashSet<int> HandedOut = [];
}
