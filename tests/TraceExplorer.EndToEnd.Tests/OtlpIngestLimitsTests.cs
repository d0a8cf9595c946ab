using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>The ingest limits as a sender meets them, over both transports and read back through the API.</summary>
public sealed class OtlpIngestLimitsTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.App.OtlpGrpcAddress);
    private readonly OtlpClient _client = new(fixture.App);

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Decisions_beyond_the_cap_on_one_span_are_dropped_and_counted(string transport)
    {
        var runId = $"run-decision-cap-{transport}";
        var span = Span(TraceHex(transport == "http" ? 401 : 402), SpanHex(1), null, "agent.plan", 0, 10, ("agent.run_id", runId));
        span.Events.AddRange(Enumerable.Range(0, 300).Select(i => Event("agent.decision", i, ("agent.decision.kind", "audit"), ("agent.decision.reason", $"r{i}"))));

        var partial = await ExportAsync(transport, Request([span]));

        Assert.Equal(0, partial!.RejectedSpans);
        Assert.Contains("172 decision event(s) dropped", partial.ErrorMessage);
        var decisions = await fixture.App.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/decisions");
        Assert.Equal(128, decisions.GetArrayLength());
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Of_two_copies_of_a_span_in_one_request_the_first_sent_is_stored(string transport)
    {
        var runId = $"run-copies-{transport}";
        var trace = TraceHex(transport == "http" ? 403 : 404);
        var first = Span(trace, SpanHex(1), null, "sent first", 100, 5, ("agent.run_id", runId));
        var earlier = Span(trace, SpanHex(1), null, "sent second, starts earlier", 0, 5, ("agent.run_id", runId));

        Assert.Null(await ExportAsync(transport, Request([first, earlier])));

        var steps = await fixture.App.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
        Assert.Equal("sent first", Assert.Single(steps.EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Of_two_copies_of_a_span_in_two_requests_the_one_stored_first_stays(string transport)
    {
        // On PostgreSQL the steps' key holds the start time (the table is partitioned by it): a later copy with
        // another start must still be found and skipped, not stored beside the first.
        var runId = $"run-copies-apart-{transport}";
        var trace = TraceHex(transport == "http" ? 407 : 408);
        var first = Span(trace, SpanHex(1), null, "stored first", 100, 5, ("agent.run_id", runId));
        var later = Span(trace, SpanHex(1), null, "sent later, starts a day earlier", -86_400_000, 5, ("agent.run_id", runId));

        Assert.Null(await ExportAsync(transport, Request([first])));
        Assert.Null(await ExportAsync(transport, Request([later])));

        var steps = await fixture.App.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
        Assert.Equal("stored first", Assert.Single(steps.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, (await _client.RunAsync(runId))!.Value.GetProperty("stepCount").GetInt32());
    }

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Long_keys_stay_apart_the_marker_cannot_be_forged_and_duplicate_map_keys_resolve(string transport)
    {
        var runId = $"run-keys-{transport}";
        var longKey = new string('k', 300);
        var span = Span(TraceHex(transport == "http" ? 405 : 406), SpanHex(1), null, "agent.tool", 0, 5,
            ("agent.run_id", runId), (longKey + "-a", "first"), (longKey + "-b", "second"), ("traceexplorer.truncated", "forged"));
        var map = new KeyValueList { Values = { Attribute("a", "old"), Attribute("a", "new") } };
        span.Attributes.Add(new KeyValue { Key = "custom.map", Value = new AnyValue { KvlistValue = map } });

        Assert.Null(await ExportAsync(transport, Request([span])));

        var steps = await fixture.App.Http.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/steps");
        var attributes = Assert.Single(steps.EnumerateArray()).GetProperty("attributes");
        var cut = attributes.EnumerateObject().Where(p => p.Name.StartsWith("kkkk", StringComparison.Ordinal)).ToList();
        Assert.Equal(["first", "second"], cut.Select(p => p.Value.GetString()).Order());
        Assert.All(cut, p => Assert.Contains("…", p.Name));
        Assert.False(attributes.TryGetProperty("traceexplorer.truncated", out _));
        Assert.Equal("forged", attributes.GetProperty("traceexplorer.truncated.sent").GetString());
        var inner = attributes.GetProperty("custom.map");
        inner = inner.ValueKind == JsonValueKind.String ? JsonDocument.Parse(inner.GetString()!).RootElement : inner;
        Assert.Equal([("a", "new")], inner.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }

    public void Dispose() => _channel.Dispose();

    /// <summary>Exports over one transport and returns its partial_success (null when there is none).</summary>
    private async Task<ExportTracePartialSuccess?> ExportAsync(string transport, ExportTraceServiceRequest request)
    {
        if (transport == "grpc")
        {
            return (await new TraceService.TraceServiceClient(_channel).ExportAsync(request)).PartialSuccess;
        }

        var response = await _client.SendProtobufAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await OtlpClient.ReadResponseAsync(response)).PartialSuccess;
    }
}
