using System.Diagnostics;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class IngestBackpressureTests
{
    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_and_stores_nothing_of_that_request()
    {
        // A queue of one request, written one at a time: concurrent senders must overflow it.
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ingest__QueueCapacity"] = "1",
            ["Ingest__MaxRequestsPerWrite"] = "1",
        });
        var client = new OtlpClient(app);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var runId = $"run-pressure-{i}";
            var body = Request(OtlpSpans.Run(600 + i, runId, steps: 200)).ToByteArray();
            return (runId, response: await client.SendAsync("/v1/traces", body, "application/x-protobuf", gzip: false, apiKey: null));
        }));

        var busy = responses.Where(r => r.response.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        Assert.All(responses, r => Assert.Contains(r.response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        foreach (var (runId, response) in busy)
        {
            Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 30);
            Assert.Null(await client.RunAsync(runId));
        }

        foreach (var (runId, _) in responses.Where(r => r.response.StatusCode == HttpStatusCode.OK))
        {
            Assert.Equal(200, (await client.RunAsync(runId))!.Value.GetProperty("stepCount").GetInt32());
        }
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task The_queue_is_sized_in_time_so_a_flood_is_told_to_back_off_long_before_an_exporter_times_out(string transport)
    {
        // Room for 250 ms of writing and no request count to hit first: at the rate assumed before the first write,
        // a few 300-span requests fill it, and 32 sent at once must find it full.
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ingest__MaxQueueSeconds"] = "0.25",
            ["Ingest__QueueCapacity"] = "100000",
            ["Ingest__MaxRequestsPerWrite"] = "1",
        });
        var client = new OtlpClient(app);
        using var channel = GrpcChannel.ForAddress(app.OtlpGrpcAddress);
        var requests = Enumerable.Range(0, 32).Select(i => ($"run-flood-{transport}-{i}", Request(OtlpSpans.Run(700 + i, $"run-flood-{transport}-{i}", steps: 300)))).ToList();

        var answers = await Task.WhenAll(requests.Select(async r =>
        {
            var sent = Stopwatch.StartNew();
            var (stored, retryAfter) = transport == "http" ? await SendOverHttpAsync(client, r.Item2) : await SendOverGrpcAsync(channel, r.Item2);
            return (RunId: r.Item1, Stored: stored, RetryAfter: retryAfter, Waited: sent.Elapsed);
        }));

        Assert.Contains(answers, a => !a.Stored);
        Assert.Contains(answers, a => a.Stored);
        Assert.All(answers, a => Assert.True(a.Waited < TimeSpan.FromSeconds(10), $"{a.RunId} waited {a.Waited.TotalSeconds:0.0} s"));
        foreach (var answer in answers)
        {
            var run = await client.RunAsync(answer.RunId);
            if (answer.Stored)
            {
                Assert.Equal(300, run!.Value.GetProperty("stepCount").GetInt32());
            }
            else
            {
                Assert.Null(run);
                Assert.True(transport == "grpc" || answer.RetryAfter >= 1, $"{answer.RunId}: Retry-After {answer.RetryAfter}");
            }
        }
    }

    private static async Task<(bool Stored, int RetryAfter)> SendOverHttpAsync(OtlpClient client, ExportTraceServiceRequest request)
    {
        using var response = await client.SendProtobufAsync(request);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
        return (response.StatusCode == HttpStatusCode.OK, (int)(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0));
    }

    private static async Task<(bool Stored, int RetryAfter)> SendOverGrpcAsync(GrpcChannel channel, ExportTraceServiceRequest request)
    {
        try
        {
            await new TraceService.TraceServiceClient(channel).ExportAsync(request);
            return (true, 0);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable)
        {
            return (false, 0);
        }
    }
}
