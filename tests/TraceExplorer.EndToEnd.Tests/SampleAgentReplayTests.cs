using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class SampleAgentReplayTests
{
    [Fact]
    public async Task The_sample_agent_replays_a_bundle_with_recorded_tool_results_as_a_linked_replay_run()
    {
        await using var app = await AppProcess.StartAsync();
        var spans = TraceExplorer.Testing.OtlpSpans.Run(990, "run-original", steps: 3);
        spans[1].Attributes.Add(Attribute("gen_ai.tool.call.arguments", """{"order_id":"A-1"}"""));
        spans[1].Attributes.Add(Attribute("gen_ai.tool.call.result", """{"status":"shipped"}"""));
        spans[0].Attributes.Add(Attribute("agent.input", "Where is order A-1?"));
        var client = new OtlpClient(app);
        Assert.True((await client.SendAsync("/v1/traces", Request(spans).ToByteArray(), "application/x-protobuf", false, null)).IsSuccessStatusCode);
        var bundlePath = Path.Combine(app.DataDirectory, "original.replay.json");
        await File.WriteAllTextAsync(bundlePath, await app.Http.GetStringAsync("/api/runs/run-original/replay"));

        var (exitCode, output) = await RunSampleAgentAsync(app, "--replay", bundlePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("replay of run-original", output);
        Assert.Contains("1 by arguments", output);
        var original = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs/run-original");
        var replay = await WaitForReplayAsync(app, original);
        var steps = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{replay}/steps");
        var tool = steps.EnumerateArray().Single(s => s.GetProperty("toolName").GetString() == "tool-1");
        Assert.Equal("""{"status":"shipped"}""", tool.GetProperty("attributes").GetProperty("gen_ai.tool.call.result").GetString());
        var replayRun = await app.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{replay}");
        Assert.Equal(("run-original", "replay", "Where is order A-1?"),
            (replayRun.GetProperty("parentRunId").GetString(), replayRun.GetProperty("relation").GetString(), replayRun.GetProperty("input").GetString()));

        // "Diff with original": the replayed tool call lines up with the recorded one and nothing about it changed.
        var diff = await app.Http.GetFromJsonAsync<JsonElement>($"/api/compare/runs?a=run-original&b={replay}");
        var toolRow = diff.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("a").ValueKind == JsonValueKind.Object
            && s.GetProperty("a").GetProperty("toolName").GetString() == "tool-1");
        Assert.Equal("same", toolRow.GetProperty("change").GetString());
    }

    private static async Task<string> WaitForReplayAsync(AppProcess app, JsonElement original)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var run = await app.Http.GetFromJsonAsync<JsonElement>("/api/runs/run-original");
            if (run.GetProperty("childRuns").EnumerateArray().FirstOrDefault(c => c.GetProperty("relation").GetString() == "replay") is { ValueKind: JsonValueKind.Object } child)
            {
                return child.GetProperty("runId").GetString()!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The replay run did not arrive: " + original);
    }

    private static async Task<(int ExitCode, string Output)> RunSampleAgentAsync(AppProcess app, params string[] args)
    {
        var dll = AppProcess.BuiltDll("TraceExplorer.SampleAgent");
        var start = new ProcessStartInfo("dotnet", [dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = app.OtlpGrpcAddress.ToString();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
