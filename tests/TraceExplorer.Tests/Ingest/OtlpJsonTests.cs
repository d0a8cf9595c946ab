using System.Text;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Otlp;

namespace TraceExplorer.Tests.Ingest;

public sealed class OtlpJsonTests
{
    [Fact]
    public void Hex_ids_integer_enums_string_numbers_and_unknown_fields_parse_as_otlp_json_says()
    {
        const string json = """
            {"resourceSpans":[{"futureField":1,"scopeSpans":[{"spans":[{
              "traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
              "name":"agent.tool","kind":3,"startTimeUnixNano":"1764000000000000000","endTimeUnixNano":1764000001000000000,
              "status":{"code":2},"links":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b170"}],
              "unknown":{"nested":true}}]}]}]}
            """;

        var request = OtlpPayload.Decode<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(json), OtlpEncoding.Json);

        var span = request.ResourceSpans[0].ScopeSpans[0].Spans[0];
        Assert.Equal("5b8efff798038103d269b633813fc60c", Convert.ToHexStringLower(span.TraceId.Span));
        Assert.Equal("eee19b7ec3c1b174", Convert.ToHexStringLower(span.SpanId.Span));
        Assert.Equal("eee19b7ec3c1b173", Convert.ToHexStringLower(span.ParentSpanId.Span));
        Assert.Equal("eee19b7ec3c1b170", Convert.ToHexStringLower(span.Links[0].SpanId.Span));
        Assert.Equal(1764000001000000000UL, span.EndTimeUnixNano);
        Assert.Equal(OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode.Error, span.Status.Code);
    }

    [Fact]
    public void An_id_that_is_not_hex_becomes_empty_so_only_its_span_is_rejected()
    {
        var request = OtlpPayload.Decode<ExportTraceServiceRequest>(
            Encoding.UTF8.GetBytes("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"not-hex","spanId":"eee19b7ec3c1b174"}]}]}]}"""), OtlpEncoding.Json);

        Assert.True(request.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.IsEmpty);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"resourceSpans":"nope"}""")]
    public void A_body_that_is_not_otlp_json_is_a_decode_error(string body) =>
        Assert.Throws<OtlpDecodeException>(() => OtlpPayload.Decode<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(body), OtlpEncoding.Json));

    [Fact]
    public void Garbage_protobuf_is_a_decode_error() =>
        Assert.Throws<OtlpDecodeException>(() => OtlpPayload.Decode<ExportTraceServiceRequest>(new byte[] { 0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f }, OtlpEncoding.Protobuf));

    [Theory]
    [InlineData("application/x-protobuf", OtlpEncoding.Protobuf)]
    [InlineData("application/json; charset=utf-8", OtlpEncoding.Json)]
    [InlineData("Application/JSON", OtlpEncoding.Json)]
    [InlineData("text/plain", null)]
    [InlineData(null, null)]
    public void The_content_type_names_the_encoding(string? contentType, OtlpEncoding? expected) =>
        Assert.Equal(expected, OtlpPayload.EncodingOf(contentType));
}
