using System.Text;
using System.Text.Json;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// Writes and reads normalized messages as the JSON stored in a step's traceexplorer.messages attribute:
/// <c>[{"role":"assistant","parts":[{"type":"tool_call","id":"call_1","name":"orders_lookup","arguments":"{…}"}],"finish_reason":"tool_calls","output":true}]</c>.
/// </summary>
public static class MessagesJson
{
    public const string Attribute = "traceexplorer.messages";

    /// <summary>
    /// The messages as JSON of at most <paramref name="maxLength"/> characters that still parses: a value cut at the
    /// store's limit would not. Long parts are shortened first (each says how much it lost), then the oldest messages
    /// given to the model are left out, never the system message or what the model produced.
    /// </summary>
    public static string Write(IReadOnlyList<ChatMessage> messages, int maxLength)
    {
        var json = Write(messages);
        for (var cap = 4096; json.Length > maxLength && cap >= 64; cap /= 2)
        {
            json = Write(messages.Select(m => m with { Parts = m.Parts.Select(p => Shorten(p, cap)).ToList() }).ToList());
        }

        var kept = messages.Select(m => m with { Parts = m.Parts.Select(p => Shorten(p, 64)).ToList() }).ToList();
        while (json.Length > maxLength && kept.FindIndex(m => !m.Output && m.Role != "system") is var oldest and >= 0)
        {
            kept.RemoveAt(oldest);
            json = Write(kept);
        }

        return json.Length <= maxLength ? json : "[]";
    }

    public static string Write(IReadOnlyList<ChatMessage> messages)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteStartArray("parts");
                foreach (var part in message.Parts)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", part.Type);
                    Optional(writer, "text", part.Text);
                    Optional(writer, "id", part.Id);
                    Optional(writer, "name", part.Name);
                    Optional(writer, "arguments", part.Arguments);
                    Optional(writer, "result", part.Result);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                Optional(writer, "finish_reason", message.FinishReason);
                if (message.Output)
                {
                    writer.WriteBoolean("output", true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote; anything else gives no messages.</summary>
    public static IReadOnlyList<ChatMessage> Read(string? json)
    {
        if (JsonText.Parse(json) is not JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        var messages = new List<ChatMessage>();
        foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var parts = new List<ChatPart>();
            if (item.TryGetProperty("parts", out var partArray) && partArray.ValueKind == JsonValueKind.Array)
            {
                parts.AddRange(partArray.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(p => new ChatPart(
                    JsonText.Str(p, "type") ?? "text", JsonText.Str(p, "text"), JsonText.Str(p, "id"), JsonText.Str(p, "name"),
                    JsonText.Str(p, "arguments"), JsonText.Str(p, "result"))));
            }

            messages.Add(new ChatMessage(JsonText.Str(item, "role") ?? "user", parts, JsonText.Str(item, "finish_reason"),
                item.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.True));
        }

        return messages;
    }

    private static ChatPart Shorten(ChatPart part, int cap) => part with
    {
        Text = Cut(part.Text, cap),
        Arguments = Cut(part.Arguments, cap),
        Result = Cut(part.Result, cap),
    };

    private static string? Cut(string? value, int cap) =>
        value is null || value.Length <= cap ? value : value[..cap] + $"…[truncated {value.Length - cap} characters]";

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
