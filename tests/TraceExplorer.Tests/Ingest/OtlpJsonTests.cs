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

    [Theory]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"a","name":"b"}]}]}]}""", "twice")]
    [InlineData("""{"resourceSpans":[],"resourceSpans":[]}""", "twice")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"\ud800"}]}]}]}""", "surrogate")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"\udc00"}]}]}]}""", "surrogate")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"\ud800":1}]}]}]}""", "surrogate")]
    public void A_key_twice_in_one_object_or_a_lone_surrogate_is_a_decode_error_with_a_message(string body, string message)
    {
        var error = Assert.Throws<OtlpDecodeException>(() => OtlpPayload.Decode<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(body), OtlpEncoding.Json));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Ids_longer_in_base64_than_in_hex_are_rewritten_whole()
    {
        var request = OtlpPayload.Decode<ExportTraceServiceRequest>(
            Encoding.UTF8.GetBytes("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"10","spanId":"ab","parentSpanId":"01"}]}]}]}"""), OtlpEncoding.Json);

        var span = request.ResourceSpans[0].ScopeSpans[0].Spans[0];
        Assert.Equal(["10", "ab", "01"], new[] { span.TraceId, span.SpanId, span.ParentSpanId }.Select(id => Convert.ToHexStringLower(id.Span)));
    }

    [Fact]
    public void The_same_key_in_sibling_and_nested_objects_is_no_duplicate_and_escaped_text_survives_the_rewrite()
    {
        const string json = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[
              {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"caf\u00e9 \"quoted\"",
               "attributes":[{"key":"k","value":{"stringValue":"v1"}},{"key":"k","value":{"kvlistValue":{"values":[{"key":"k","value":{"stringValue":"v2"}}]}}}]},
              {"traceId":"5b8efff798038103d269b633813fc60d","spanId":"eee19b7ec3c1b175","name":"second"}]}]}]}
            """;

        var spans = OtlpPayload.Decode<ExportTraceServiceRequest>(Encoding.UTF8.GetBytes(json), OtlpEncoding.Json).ResourceSpans[0].ScopeSpans[0].Spans;

        Assert.Equal(["café \"quoted\"", "second"], spans.Select(s => s.Name));
        Assert.Equal("5b8efff798038103d269b633813fc60d", Convert.ToHexStringLower(spans[1].TraceId.Span));
        Assert.Equal("v2", spans[0].Attributes[1].Value.KvlistValue.Values[0].Value.StringValue);
    }
}
