using System.Net;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Protobuf string fields that are not valid UTF-8 (proto3 requires it), sent as raw bytes over both transports: the
/// request is refused as undecodable, 400 or INVALID_ARGUMENT with protobuf's message (so exporters drop it rather
/// than retry), nothing of it is stored, and never a 5xx.
/// </summary>
public sealed class OtlpInvalidUtf8Tests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>, IDisposable
{
    private const string Placeholder = "XXXX";

    /// <summary>Bytes that are no UTF-8: a lone continuation byte, a truncated sequence, an overlong form, 0xFF.</summary>
    private static readonly byte[] Invalid = [0x80, 0xE2, 0xC0, 0xFF];

    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.App.OtlpGrpcAddress);
    private readonly OtlpClient _client = new(fixture.App);

    [Theory]
    [InlineData("http")]
    [InlineData("grpc")]
    public async Task Invalid_utf8_in_names_keys_and_values_is_refused_with_a_message_and_nothing_is_stored(string transport)
    {
        var runId = $"run-bad-utf8-{transport}";
        var span = Span(TraceHex(transport == "http" ? 451 : 452), SpanHex(1), null, "agent.tool " + Placeholder, 0, 5,
            ("agent.run_id", runId), ("gen_ai.tool.name", "lookup " + Placeholder), ("custom." + Placeholder, "value " + Placeholder));
        var body = WithInvalidBytes(Request([span]).ToByteArray());

        string message;
        if (transport == "grpc")
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => ExportRawOverGrpcAsync(body));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            message = error.Status.Detail;
        }
        else
        {
            var response = await _client.SendAsync("/v1/traces", body, "application/x-protobuf", gzip: false, apiKey: null);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            message = (await OtlpClient.ReadStatusAsync(response)).Message;
        }

        Assert.Contains("UTF-8", message);
        Assert.Null(await _client.RunAsync(runId));
    }

    public void Dispose() => _channel.Dispose();

    /// <summary>Each placeholder (four ASCII bytes) becomes four invalid bytes: the lengths, so the framing, stay right.</summary>
    private static byte[] WithInvalidBytes(byte[] body)
    {
        var placeholder = Encoding.ASCII.GetBytes(Placeholder);
        var replaced = 0;
        for (var at = body.AsSpan().IndexOf(placeholder); at >= 0; at = body.AsSpan().IndexOf(placeholder))
        {
            Invalid.CopyTo(body, at);
            replaced++;
        }

        Assert.Equal(4, replaced);
        return body;
    }

    /// <summary>The export call with the body as bytes, so the client's protobuf never re-encodes (or refuses) it.</summary>
    private async Task ExportRawOverGrpcAsync(byte[] body)
    {
        var bytes = Marshallers.Create(b => b, b => b);
        var export = new Method<byte[], byte[]>(MethodType.Unary, "opentelemetry.proto.collector.trace.v1.TraceService", "Export", bytes, bytes);
        await _channel.CreateCallInvoker().AsyncUnaryCall(export, null, default, body);
    }
}
