using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Benchmarks;

/// <summary>Query latency of the runs API against a running app: one client, sequential requests.</summary>
internal static class QueryBenchmark
{
    public static async Task RunAsync(string baseUrl, int requests, bool analytics = false, string? only = null, int? serverPid = null)
    {
using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };

var newest = await http.GetFromJsonAsync<JsonElement>("/api/runs?pageSize=1");
var total = newest.GetProperty("totalCount").GetInt32();
var runId = newest.GetProperty("items")[0].GetProperty("runId").GetString()!;
var steps = await http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
var toolCallId = steps.EnumerateArray().Select(s => s.GetProperty("toolCallId")).First(id => id.ValueKind == JsonValueKind.String).GetString()!;

var day = Uri.EscapeDataString(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
var week = Uri.EscapeDataString(DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
(string Name, string Path)[] reports =
[
    ("runs list, page 1", "/api/runs"),
    ("slow steps by tool, all", "/api/analytics/slow-steps"),
    ("slow steps by tool, 24 h", $"/api/analytics/slow-steps?from={day}"),
    ("slow steps by tool, 7 d", $"/api/analytics/slow-steps?from={week}"),
    ("slow steps by kind, all", "/api/analytics/slow-steps?groupBy=kind"),
    ("repeated tools, all", "/api/analytics/repeated-tools"),
    ("repeated tools, 24 h", $"/api/analytics/repeated-tools?from={day}"),
    ("repeated tools, 7 d", $"/api/analytics/repeated-tools?from={week}"),
    ("validation, all", "/api/analytics/validation-failures"),
    ("complaints, all", "/api/analytics/complaints"),
    ("latency report, 7 d", $"/api/reports/latency?from={week}"),
    ("latency by route, 7 d", $"/api/reports/latency?from={week}&by=route"),
    ("decisions, page 1", "/api/decisions"),
    ("decisions, policy blocks", "/api/decisions?kind=policyBlock"),

    ("explain errors, 24 h", $"/api/explain?status=error&from={day}"),
    ("explain errors, all", "/api/explain?status=error"),
    ("explain failed step, all", "/api/explain?failedStep=orders.lookup"),
    ("explain repeated tool, all", "/api/explain?repeatedTool=kb.search"),
    ("explain slow step, 24 h", $"/api/explain?slowStep=orders.lookup&slowerThanMs=10000&from={day}"),
    ("explain slow step, all", "/api/explain?slowStep=orders.lookup&slowerThanMs=10000"),
    // Where explain's numbers lead: the runs list filtered on what happened inside the runs.
    ("runs failed at a step, all", "/api/runs?failedStep=orders.lookup"),
    ("runs slow at a step, all", "/api/runs?slowStep=orders.lookup&slowerThanMs=10000"),
    ("runs of the baseline, all", "/api/runs?not=failedStep%3Dorders.lookup"),
    // Not analytics pages, but they read the same steps and rollups: a change to either shows here.
    ("compare policy, ±1 day", "/api/compare?dimension=policy_version"),
    ("compare policy, all time", "/api/compare?dimension=policy_version&window=all"),
    ("change timeline", "/api/compare/timeline"),
];
(string Name, string Path)[] queries =
[
    ("newest first, page 1", "/api/runs"),
    ("status + policy version", "/api/runs?status=error&policyVersion=policy-2026.11.2"),
    ("sorted by duration", "/api/runs?sort=durationMs&dir=desc"),
    ("min duration 30 s", "/api/runs?minDurationMs=30000"),
    ("tool call id lookup", $"/api/runs?q={toolCallId}"),
    ("free text in input", "/api/runs?q=charged%20twice"),
    ("page 100 of the list", "/api/runs?page=100"),
    ("one run", $"/api/runs/{runId}"),
    ("a run's steps", $"/api/runs/{runId}/steps"),
    ("a run's decisions", $"/api/runs/{runId}/decisions"),
    ("compare policy, ±1 day", "/api/compare?dimension=policy_version"),
    ("compare policy, all time", "/api/compare?dimension=policy_version&window=all"),
    ("compare before/after", "/api/compare?dimension=time"),
    ("compare models, all time", "/api/compare?dimension=model&window=all"),
    ("change timeline", "/api/compare/timeline"),
];
var scenarios = (analytics ? reports : queries).Where(s => only is null || s.Name.StartsWith(only, StringComparison.Ordinal)).ToArray();

Console.WriteLine($"{total:N0} runs at {baseUrl}; {requests} requests per scenario after 5 warm-up requests");
Console.WriteLine($"{"scenario",-26} {"first ms",8} {"p50 ms",8} {"p95 ms",8} {"max ms",8}{(serverPid is null ? "" : $" {"cpu ms/req",10}")}");
foreach (var (name, path) in scenarios)
{
    var timings = new List<double>(requests);
    var first = 0.0;
    var cpuBefore = 0.0;
    for (var i = 0; i < requests + 5; i++)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        if (i == 0)
        {
            // The scenario's first request after the app started: its SQL is prepared and its pages read for the first time.
            first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        if (i == 4 && serverPid is { } warm)
        {
            cpuBefore = ServerCpu.Milliseconds(warm);
        }

        if (i >= 5)
        {
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    var sorted = timings.Order().ToList();
    var cpu = serverPid is { } pid ? $" {(ServerCpu.Milliseconds(pid) - cpuBefore) / requests,10:0}" : "";
    Console.WriteLine($"{name,-26} {first,8:0.0} {Percentiles.Of(sorted, 50),8:0.0} {Percentiles.Of(sorted, 95),8:0.0} {timings.Max(),8:0.0}{cpu}");
}
    }
}
