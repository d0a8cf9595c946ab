using System.Text.Json;
using System.Text.Json.Nodes;
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
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException exception)
        {
            throw new OtlpDecodeException("The body is not valid JSON: " + exception.Message);
        }

        if (root is not JsonObject)
        {
            throw new OtlpDecodeException("The body must be a JSON object.");
        }

        HexIdsToBase64(root);
        try
        {
            return Parser.Parse<T>(root.ToJsonString());
        }
        catch (Exception exception) when (exception is InvalidJsonException or InvalidProtocolBufferException or FormatException or OverflowException)
        {
            throw new OtlpDecodeException("The body is not OTLP/JSON: " + exception.Message);
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
