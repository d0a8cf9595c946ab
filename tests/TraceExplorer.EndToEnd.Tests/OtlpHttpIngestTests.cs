using System.Net;
using System.Text.Json;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class OtlpHttpIngestTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private readonly OtlpClient _client = new(fixture.App);

    [Fact]
    public async Task Protobuf_is_acknowledged_after_it_is_stored()
    {
        var response = await _client.SendProtobufAsync(Request(OtlpSpans.Run(101, "run-http-protobuf", steps: 5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        Assert.Null((await OtlpClient.ReadResponseAsync(response)).PartialSuccess);
        var run = await _client.RunAsync("run-http-protobuf");
        Assert.Equal(5, run!.Value.GetProperty("stepCount").GetInt32());
        Assert.Equal("test-agent", run.Value.GetProperty("agentName").GetString());
    }

    [Fact]
    public async Task Gzipped_protobuf_is_accepted()
    {
        var response = await _client.SendProtobufAsync(Request(OtlpSpans.Run(102, "run-http-gzip", steps: 3)), gzip: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await _client.RunAsync("run-http-gzip"))!.Value.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task Otlp_json_with_hex_ids_is_accepted_and_answered_in_json()
    {
        var trace = TraceHex(103);
        var json = $$$"""
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-agent"}}]},
              "scopeSpans":[{"spans":[{"traceId":"{{{trace}}}","spanId":"{{{SpanHex(1)}}}","name":"agent.plan","kind":1,
                "startTimeUnixNano":"{{{Nanos(Epoch)}}}","endTimeUnixNano":"{{{Nanos(Epoch.AddSeconds(2))}}}",
                "attributes":[{"key":"agent.run_id","value":{"stringValue":"run-http-json"}}],"status":{"code":1}}]}]}]}
            """;

        var response = await _client.SendJsonAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var run = await _client.RunAsync("run-http-json");
        Assert.Equal(trace, run!.Value.GetProperty("traceId").GetString());
        Assert.Equal(2000, run.Value.GetProperty("durationMs").GetDouble());
    }

    [Fact]
    public async Task Sending_a_batch_again_stores_nothing_twice()
    {
        var request = Request(OtlpSpans.Run(104, "run-http-twice", steps: 4));

        Assert.Equal(HttpStatusCode.OK, (await _client.SendProtobufAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendProtobufAsync(request)).StatusCode);

        Assert.Equal(4, (await _client.RunAsync("run-http-twice"))!.Value.GetProperty("stepCount").GetInt32());
        var steps = await fixture.App.Http.GetStringAsync("/api/runs/run-http-twice/steps");
        Assert.Equal(4, JsonDocument.Parse(steps).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_run_arriving_children_first_is_completed_by_its_root()
    {
        var spans = OtlpSpans.Run(105, "run-http-late-root", steps: 4);

        await _client.SendProtobufAsync(Request(spans.Skip(2)));
        await _client.SendProtobufAsync(Request(spans.Take(2).Reverse()));

        var run = (await _client.RunAsync("run-http-late-root"))!.Value;
        Assert.Equal(4, run.GetProperty("stepCount").GetInt32());
        Assert.Equal(50, run.GetProperty("durationMs").GetDouble());
        var steps = JsonDocument.Parse(await fixture.App.Http.GetStringAsync("/api/runs/run-http-late-root/steps")).RootElement;
        Assert.Equal([1, 2, 3, 4], steps.EnumerateArray().Select(s => s.GetProperty("stepNumber").GetInt32()));
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("parentSpanId").ValueKind);
    }

    [Fact]
    public async Task Invalid_spans_are_rejected_one_by_one_and_the_rest_is_stored()
    {
        var spans = OtlpSpans.Run(106, "run-http-partial", steps: 3);
        var ownParent = Span(TraceHex(106), SpanHex(9), SpanHex(9), "loop", 0, 1, ("agent.run_id", "run-http-partial"));
        var emptyIds = new Span { Name = "no ids", StartTimeUnixNano = 1, EndTimeUnixNano = 2 };

        var response = await _client.SendProtobufAsync(Request([.. spans, ownParent, emptyIds]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = (await OtlpClient.ReadResponseAsync(response)).PartialSuccess;
        Assert.Equal(2, partial.RejectedSpans);
        Assert.Contains("rejected", partial.ErrorMessage);
        Assert.Equal(3, (await _client.RunAsync("run-http-partial"))!.Value.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task An_undecodable_body_is_400_with_a_status_message()
    {
        var response = await _client.SendAsync("/v1/traces", [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f], "application/x-protobuf", gzip: false, apiKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an OTLP protobuf message", (await OtlpClient.ReadStatusAsync(response)).Message);
    }

    [Fact]
    public async Task Bad_json_and_bad_gzip_are_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.SendJsonAsync("{\"resourceSpans\": 5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendPreCompressedAsync([1, 2, 3, 4, 5])).StatusCode);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_415()
    {
        var response = await _client.SendAsync("/v1/traces", [1, 2, 3], "text/plain", gzip: false, apiKey: null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        // Sent as curl sends a large body, asking first (Expect: 100-continue): the server's early 413 is then read,
        // instead of the connection closing under a client still writing the body (a broken pipe, now and then).
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.App.OtlpHttpAddress, "/v1/traces"))
        {
            Content = new ByteArrayContent(new byte[IngestAppFixture.MaxBodyBytes + 1]),
        };
        message.Content.Headers.ContentType = new("application/x-protobuf");
        message.Headers.ExpectContinue = true;
        using var http = new HttpClient();

        using var response = await http.SendAsync(message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_gzip_bomb_is_413_and_the_server_keeps_serving()
    {
        // 64 MiB of zeros compresses to about 64 KB: small on the wire, far over the limit once inflated.
        var bomb = OtlpClient.Gzip(new byte[64 * 1024 * 1024], System.IO.Compression.CompressionLevel.SmallestSize);
        Assert.True(bomb.Length < IngestAppFixture.MaxBodyBytes);

        var response = await SendPreCompressedAsync(bomb);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendProtobufAsync(Request(OtlpSpans.Run(107, "run-after-bomb", steps: 2)))).StatusCode);
    }

    [Fact]
    public async Task Random_bodies_never_get_a_5xx()
    {
        var random = new Random(1234);
        foreach (var contentType in new[] { "application/x-protobuf", "application/json" })
        {
            for (var i = 0; i < 100; i++)
            {
                var body = new byte[random.Next(0, 2048)];
                random.NextBytes(body);
                if (contentType == "application/json" && i % 2 == 0)
                {
                    // Half of the JSON cases are JSON, shaped like OTLP with wrong types and values.
                    body = System.Text.Encoding.UTF8.GetBytes($$$"""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"{{{i}}}","spanId":{{{i}}},"startTimeUnixNano":"-{{{i}}}","status":{"code":"x"}}]}]}]}""");
                }

                var response = await _client.SendAsync("/v1/traces", body, contentType, gzip: false, apiKey: null);

                Assert.True((int)response.StatusCode < 500, $"{contentType} body {i} got {(int)response.StatusCode}");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.SendProtobufAsync(Request(OtlpSpans.Run(108, "run-after-fuzz", steps: 2)))).StatusCode);
    }

    private async Task<HttpResponseMessage> SendPreCompressedAsync(byte[] gzipped)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.App.OtlpHttpAddress, "/v1/traces"))
        {
            Content = new ByteArrayContent(gzipped),
        };
        message.Content.Headers.ContentType = new("application/x-protobuf");
        message.Content.Headers.ContentEncoding.Add("gzip");
        using var http = new HttpClient();
        return await http.SendAsync(message);
    }
}
