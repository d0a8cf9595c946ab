using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Logs.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class OtlpGrpcIngestTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.App.OtlpGrpcAddress);
    private readonly OtlpClient _client = new(fixture.App);

    [Fact]
    public async Task Traces_exported_over_grpc_are_stored_with_partial_success_for_bad_spans()
    {
        var spans = OtlpSpans.Run(201, "run-grpc", steps: 3);
        var selfParent = Span(TraceHex(201), SpanHex(77), SpanHex(77), "bad", 0, 1);

        var response = await new TraceService.TraceServiceClient(_channel).ExportAsync(Request([.. spans, selfParent]));

        Assert.Equal(1, response.PartialSuccess.RejectedSpans);
        Assert.Equal(3, (await _client.RunAsync("run-grpc"))!.Value.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task A_decision_log_record_is_linked_to_its_step()
    {
        var spans = OtlpSpans.Run(202, "run-grpc-decision", steps: 3);
        await new TraceService.TraceServiceClient(_channel).ExportAsync(Request(spans));
        var record = new LogRecord
        {
            EventName = "agent.decision",
            TimeUnixNano = Nanos(Epoch.AddMilliseconds(21)),
            TraceId = spans[2].TraceId,
            SpanId = spans[2].SpanId,
            Attributes = { Attribute("agent.decision.kind", "approval"), Attribute("agent.decision.outcome", "approved"), Attribute("agent.decision.actor", "human:ops") },
        };
        var logs = new ExportLogsServiceRequest { ResourceLogs = { new ResourceLogs { ScopeLogs = { new ScopeLogs { LogRecords = { record } } } } } };

        var response = await new LogsService.LogsServiceClient(_channel).ExportAsync(logs);
        await new LogsService.LogsServiceClient(_channel).ExportAsync(logs);

        Assert.Null(response.PartialSuccess);
        var decisions = System.Text.Json.JsonDocument.Parse(await fixture.App.Http.GetStringAsync("/api/runs/run-grpc-decision/decisions")).RootElement;
        var decision = Assert.Single(decisions.EnumerateArray());
        Assert.Equal(("approval", "approved", "human:ops", 3),
            (decision.GetProperty("kind").GetString(), decision.GetProperty("outcome").GetString(), decision.GetProperty("actor").GetString(), decision.GetProperty("stepNumber").GetInt32()));
    }

    [Fact]
    public async Task A_message_that_is_not_otlp_is_invalid_argument_with_a_message()
    {
        var raw = new Method<byte[], byte[]>(MethodType.Unary, TraceService.Descriptor.FullName, "Export",
            Marshallers.Create((byte[] b) => b, b => b), Marshallers.Create((byte[] b) => b, b => b));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(), [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not an OTLP protobuf message", error.Status.Detail);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_resource_exhausted_with_a_message()
    {
        var request = Request(OtlpSpans.Run(203, "run-grpc-too-large", steps: 1), ("padding", new string('x', IngestAppFixture.MaxBodyBytes + 1)));

        var error = await Assert.ThrowsAsync<RpcException>(() => new TraceService.TraceServiceClient(_channel).ExportAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        Assert.Null(await _client.RunAsync("run-grpc-too-large"));
    }

    public void Dispose() => _channel.Dispose();
}
