using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Google.Protobuf;

namespace TraceExplorer.Otlp.Json;

/// <summary>
/// The OTLP/JSON encoding. It is protobuf's JSON mapping with one difference: trace and span ids are hex strings,
/// not base64. Ids are rewritten before protobuf's parser sees them; unknown fields are ignored, as OTLP requires.
/// </summary>
public static class OtlpJson
{
    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal)
    {
        "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id",
    };

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
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

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 128, AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            throw new OtlpDecodeException("The body is not valid JSON: " + exception.Message);
        }

        if (root is not JsonObject)
        {
            throw new OtlpDecodeException("The body must be a JSON object.");
        }

        // The node tree is built lazily: a lone surrogate (\ud800) in a key or string, and a key sent twice,
        // surface only while it is walked and written, as InvalidOperationException or ArgumentException. All of them
        // are the sender's input, so all of them are a 400 with a message, never a 500.
        try
        {
            HexIdsToBase64(root);
            return Parser.Parse<T>(root.ToJsonString());
        }
        catch (Exception exception) when (exception is InvalidJsonException or InvalidProtocolBufferException or FormatException or OverflowException)
        {
            throw new OtlpDecodeException("The body is not OTLP/JSON: " + exception.Message);
        }
        catch (ArgumentException exception)
        {
            throw new OtlpDecodeException("The body has a JSON key twice in one object: " + exception.Message);
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or System.Text.DecoderFallbackException or System.Text.EncoderFallbackException)
        {
            throw new OtlpDecodeException("The body has text that is not valid UTF-8 or UTF-16 (a lone surrogate): " + exception.Message);
        }
    }

    public static string Format(IMessage message) => Formatter.Format(message);

    private static void HexIdsToBase64(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (IdFields.Contains(name) && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[name] = HexToBase64(value.GetValue<string>());
                    }
                    else
                    {
                        HexIdsToBase64(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        HexIdsToBase64(item);
                    }
                }

                break;
        }
    }

    // An id that is not hex becomes empty, so the span is rejected on its own (with a message) instead of the whole batch.
    private static string HexToBase64(string hex)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
