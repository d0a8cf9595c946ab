using System.Diagnostics;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// One real framework sender (tests/FrameworkSenders): a node script over the JS libraries, exporting OTLP/HTTP, or the
/// .NET console over MEAI, Agent Framework or Semantic Kernel, exporting OTLP/gRPC. Spans is how many spans the
/// scripted agent makes on that stack (its dump's span tree).
/// </summary>
public sealed record FrameworkSender(string Stack, string Program, string[] Arguments, bool Node, int Spans)
{
    public static readonly FrameworkSender[] All =
    [
        new("langchain", "langchain.mjs", [], Node: true, Spans: 15),
        new("ai-sdk-7", "ai-sdk-7.mjs", [], Node: true, Spans: 7),
        new("ai-sdk-7-legacy", "ai-sdk-7.mjs", ["--legacy"], Node: true, Spans: 5),
        new("ai-sdk-legacy", "ai-sdk-legacy.mjs", [], Node: true, Spans: 5),
        new("openllmetry", "openllmetry.mjs", [], Node: true, Spans: 4),
        new("meai", "", ["--stack", "meai"], Node: false, Spans: 5),
        new("agent-framework", "", ["--stack", "agent-framework"], Node: false, Spans: 5),
        new("semantic-kernel", "", ["--stack", "semantic-kernel"], Node: false, Spans: 7),
    ];

    public static FrameworkSender Named(string stack) => All.Single(s => s.Stack == stack);

    public async Task<(int ExitCode, string Output)> RunAsync(AppProcess app)
    {
        var root = Path.Combine(RepositoryRoot(), "tests", "FrameworkSenders");
        ProcessStartInfo start;
        if (Node)
        {
            var folder = Path.Combine(root, "js");
            if (!Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                throw new InvalidOperationException($"Run `npm ci` in {folder} first (tests/run-all.sh does).");
            }

            start = new ProcessStartInfo("node", [Program, .. Arguments]) { WorkingDirectory = folder };
            start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = app.OtlpHttpAddress.ToString();
        }
        else
        {
            start = new ProcessStartInfo("dotnet", [SenderDll(root), .. Arguments]);
            start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = app.OtlpGrpcAddress.ToString();
        }

        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }

    public override string ToString() => Stack;

    private static string SenderDll(string root)
    {
        // Built by the solution build with the configuration these tests were built with.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(root, "dotnet", "bin", configuration, "net10.0", "FrameworkSenders.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first; the .NET framework sender was not found at {dll}.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TraceExplorer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("TraceExplorer.sln was not found above the test binaries.");
    }
}
