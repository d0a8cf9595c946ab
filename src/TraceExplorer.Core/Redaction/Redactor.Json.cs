using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// JSON values, redacted in one pass: a reader walks the value's tokens and a writer writes them out, with sensitive
/// fields and the tool's rule paths masked whole and every other string and number redacted as text. No tree is built;
/// the output is the value written compactly, as serialising a parsed tree would write it.
/// </summary>
public sealed partial class Redactor
{
    private string RedactJson(string value, List<string[]> rules, RedactionCounts counts, string? fieldName)
    {
        var json = Encoding.UTF8.GetBytes(value);
        var output = new ArrayBufferWriter<byte>(json.Length + 64);

        // Counted apart and added only once the whole value is read: an error part-way falls back to redacting the
        // value as text, which must not count what the partial pass found as well.
        var found = new RedactionCounts();
        using (var writer = new Utf8JsonWriter(output))
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                throw new JsonException("No JSON value.");
            }

            Redact(ref reader, json, writer, [], rules, found, fieldName);
            if (reader.Read())
            {
                throw new JsonException("More than one JSON value.");
            }
        }

        counts.Add(found);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes the value the reader stands on, redacted, and leaves the reader on its last token.</summary>
    private void Redact(ref Utf8JsonReader reader, byte[] json, Utf8JsonWriter writer, List<string> path, List<string[]> rules, RedactionCounts counts, string? fieldName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            writer.WriteNullValue();
            return;
        }

        if (rules.Count > 0 && rules.Any(rule => JsonPathPattern.Matches(rule, path)))
        {
            MaskWhole(ref reader, json, writer, counts);
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    writer.WritePropertyName(name);
                    if (reader.TokenType != JsonTokenType.Null && IsSensitiveKey(name))
                    {
                        MaskWhole(ref reader, json, writer, counts);
                    }
                    else
                    {
                        path.Add(name);
                        Redact(ref reader, json, writer, path, rules, counts, name);
                        path.RemoveAt(path.Count - 1);
                    }
                }

                writer.WriteEndObject();
                return;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    path.Add("*");
                    Redact(ref reader, json, writer, path, rules, counts, fieldName);
                    path.RemoveAt(path.Count - 1);
                }

                writer.WriteEndArray();
                return;
            case JsonTokenType.String:
                // JSON encoded inside a string (a message's tool-call arguments) is redacted as JSON, field names and all.
                var inner = reader.GetString()!;
                writer.WriteStringValue(LooksLikeJson(inner) ? Value(inner, counts, fieldName: fieldName) : TextUnguarded(inner, counts, fieldName));
                return;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(reader.GetBoolean());
                return;
            default:
                // Numbers can be card numbers too.
                var text = Encoding.UTF8.GetString(reader.ValueSpan);
                var redacted = TextUnguarded(text, counts, fieldName);
                if (redacted == text)
                {
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(redacted);
                }

                return;
        }
    }

    /// <summary>
    /// Replaces the value the reader stands on (a sensitive field's, a rule path's) with one placeholder, hashed from
    /// the value written compactly, and leaves the reader on its last token.
    /// </summary>
    private void MaskWhole(ref Utf8JsonReader reader, byte[] json, Utf8JsonWriter writer, RedactionCounts counts)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var compact = JsonNode.Parse(json.AsSpan(start, (int)reader.BytesConsumed - start))?.ToJsonString() ?? "null";
        counts.Add(RedactionKind.Field);
        writer.WriteStringValue(Placeholder(RedactionKind.Field, compact));
    }
}
