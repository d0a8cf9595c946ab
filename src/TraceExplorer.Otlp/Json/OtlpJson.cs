using System.Text.Unicode;
using Google.Protobuf;

namespace TraceExplorer.Otlp.Json;

/// <summary>
/// The OTLP/JSON encoding. It is protobuf's JSON mapping with one difference: trace and span ids are hex strings,
/// not base64. Ids are rewritten (<see cref="OtlpJsonIds"/>, in one streaming pass) before protobuf's parser reads the
/// text (also streaming: neither builds a document tree); unknown fields are ignored, as OTLP requires.
/// </summary>
public static class OtlpJson
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatEnumsAsIntegers(true));

    /// <exception cref="OtlpDecodeException">The body is not OTLP/JSON.</exception>
    public static T Parse<T>(ReadOnlyMemory<byte> utf8Json)
        where T : IMessage, new()
    {
        // JSON is UTF-8 (RFC 8259); the parser would let invalid bytes through as U+FFFD, storing what was never sent.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            throw new OtlpDecodeException("The body is not valid UTF-8.");
        }

        var rewritten = OtlpJsonIds.Rewrite(utf8Json.Span);
        try
        {
            using var text = new StreamReader(new MemoryStream(rewritten.Array!, rewritten.Offset, rewritten.Count, writable: false), StrictUtf8);
            return Parser.Parse<T>(text);
        }
        catch (Exception exception) when (exception is InvalidJsonException or InvalidProtocolBufferException or FormatException or OverflowException
            or InvalidOperationException or System.Text.DecoderFallbackException or ArgumentException)
        {
            throw new OtlpDecodeException("The body is not OTLP/JSON: " + exception.Message);
        }
    }

    public static string Format(IMessage message) => Formatter.Format(message);
}
