using System.Net;
using Google.Protobuf;
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
            Assert.Equal("1", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(await client.RunAsync(runId));
        }

        foreach (var (runId, _) in responses.Where(r => r.response.StatusCode == HttpStatusCode.OK))
        {
            Assert.Equal(200, (await client.RunAsync(runId))!.Value.GetProperty("stepCount").GetInt32());
        }
    }
}
