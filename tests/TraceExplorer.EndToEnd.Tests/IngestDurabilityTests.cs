using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Google.Protobuf;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class IngestDurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_span_survives_a_kill_during_ingest()
    {
        await using var app = await AppProcess.StartAsync();
        var client = new OtlpClient(app);
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        // Four senders export small runs as fast as they can; the app is killed while they are at it.
        var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var runId = $"run-durable-{sender}-{i}";
                try
                {
                    var response = await client.SendAsync("/v1/traces", Request(OtlpSpans.Run((sender * 100_000) + i + 1, runId, steps: 5)).ToByteArray(),
                        "application/x-protobuf", gzip: false, apiKey: null);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add(runId);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // The server is gone.
                }
            }
        })).ToList();

        // Killed mid-stream once a few runs are in (a busy machine or a database server takes longer to get there).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (acknowledged.Count <= 10 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(200);
        await app.KillAsync();
        stop.Cancel();
        await Task.WhenAll(senders);
        await app.StartAgainAsync();

        Assert.True(acknowledged.Count > 10, $"only {acknowledged.Count} runs were acknowledged before the kill");
        foreach (var runId in acknowledged)
        {
            var run = await client.RunAsync(runId);
            Assert.True(run is not null, $"{runId} was acknowledged but is missing after the restart");
            Assert.Equal(5, run.Value.GetProperty("stepCount").GetInt32());
        }
    }
}
