using System.Text;
using System.Text.Json;

namespace TraceExplorer.Otlp.Json;

/// <summary>
/// Rewrites OTLP/JSON's hex trace and span ids as the base64 protobuf's JSON parser reads, in one pass of a
/// <see cref="Utf8JsonReader"/> that copies everything else byte for byte: no document tree is built, so a large body
/// costs about its own size once more, not many times it. The same pass refuses what the parser would let through: a
/// key twice in one object and escapes that are not valid UTF-16 (a lone surrogate).
/// </summary>
internal static class OtlpJsonIds
{
    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal)
    {
        "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id",
    };

    /// <summary>The rewritten body: about the input's length (a 16- or 8-byte id is shorter in base64 than in hex).</summary>
    /// <exception cref="OtlpDecodeException">The body is not a JSON object, or breaks one of the rules above.</exception>
    public static ArraySegment<byte> Rewrite(ReadOnlySpan<byte> json)
    {
        var output = new byte[json.Length + 64];
        var written = 0;
        var copiedUpTo = 0;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 128 });

        // The keys seen in each open object, by depth; lists are reused, as OTLP objects have few keys.
        var keys = new List<List<string>>();
        string? property = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new OtlpDecodeException("The body must be a JSON object.");
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        // An object's keys are one level deeper than the object.
                        while (keys.Count <= reader.CurrentDepth + 1)
                        {
                            keys.Add([]);
                        }

                        keys[reader.CurrentDepth + 1].Clear();
                        property = null;
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        var seen = keys[reader.CurrentDepth];
                        if (seen.Contains(property))
                        {
                            throw new OtlpDecodeException($"The body has a JSON key twice in one object: '{property}'.");
                        }

                        seen.Add(property);
                        continue;
                    case JsonTokenType.String when property is not null && IdFields.Contains(property):
                        // The token starts at its opening quote; its raw value lies between the quotes.
                        var start = (int)reader.TokenStartIndex;
                        Copy(json[copiedUpTo..start], ref output, ref written);
                        Copy(Encoding.UTF8.GetBytes("\"" + HexToBase64(reader.GetString()!) + "\""), ref output, ref written);
                        copiedUpTo = start + reader.ValueSpan.Length + 2;
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // Unescaping is where an invalid surrogate shows; the value itself is copied as sent.
                        _ = reader.GetString();
                        break;
                }

                property = null;
            }
            while (reader.Read());
        }
        catch (JsonException exception)
        {
            throw new OtlpDecodeException("The body is not valid JSON: " + exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            throw new OtlpDecodeException("The body has text that is not valid UTF-16 (a lone surrogate): " + exception.Message);
        }

        Copy(json[copiedUpTo..], ref output, ref written);
        return new ArraySegment<byte>(output, 0, written);
    }

    private static void Copy(ReadOnlySpan<byte> bytes, ref byte[] output, ref int written)
    {
        // An id of one or two bytes is longer in base64 than in hex: then the buffer grows.
        if (written + bytes.Length > output.Length)
        {
            Array.Resize(ref output, Math.Max(output.Length * 2, written + bytes.Length));
        }

        bytes.CopyTo(output.AsSpan(written));
        written += bytes.Length;
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
