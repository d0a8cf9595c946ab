using System.Text.Json;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// LangChain's serialized messages, as OpenInference puts them in input.value / output.value:
/// {"messages":[{"lc":1,"type":"constructor","id":[…,"HumanMessage"],"kwargs":{"content":…,"tool_calls":[…]}}]}, or
/// plain {"role":…,"content":…} objects.
/// </summary>
internal static class LangChainMessages
{
    public static List<ChatMessage> Read(JsonElement value)
    {
        var list = JsonText.Property(value, "messages") ?? (value.ValueKind == JsonValueKind.Array ? value : null);
        var messages = new List<ChatMessage>();
        if (list is not { ValueKind: JsonValueKind.Array } array)
        {
            return messages;
        }

        // LLM spans nest one list per prompt: [[…]].
        var items = array.EnumerateArray().SelectMany(i => i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [i]);
        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var kwargs = Kwargs(item) ?? item;
            var role = Role(item);
            var parts = new List<ChatPart>();
            if (JsonText.Property(kwargs, "content") is { } content)
            {
                var text = content.ValueKind == JsonValueKind.Array
                    ? string.Join("\n", content.EnumerateArray().Select(c => JsonText.Str(c, "text")).OfType<string>())
                    : JsonText.AsText(content);
                if (!string.IsNullOrEmpty(text))
                {
                    parts.Add(role == "tool" ? ChatPart.ToolResult(JsonText.Str(kwargs, "tool_call_id"), text, JsonText.Str(kwargs, "name")) : ChatPart.TextPart(text));
                }
            }

            if (JsonText.Property(kwargs, "tool_calls") is { ValueKind: JsonValueKind.Array } calls)
            {
                parts.AddRange(calls.EnumerateArray().Select(c => ChatPart.ToolCall(JsonText.Str(c, "id"), JsonText.Str(c, "name"), JsonText.Str(c, "args"))));
            }

            messages.Add(new ChatMessage(role, parts));
        }

        return messages;
    }

    public static JsonElement? Kwargs(JsonElement item) =>
        JsonText.Str(item, "lc") is not null ? JsonText.Property(item, "kwargs") : null;

    private static string Role(JsonElement item)
    {
        var type = JsonText.Property(item, "id") is { ValueKind: JsonValueKind.Array } id && id.GetArrayLength() > 0
            ? id[id.GetArrayLength() - 1].GetString()
            : JsonText.Str(item, "role") ?? JsonText.Str(item, "type");
        return type switch
        {
            "SystemMessage" or "system" => "system",
            "HumanMessage" or "human" or "user" => "user",
            "AIMessage" or "AIMessageChunk" or "ai" or "assistant" => "assistant",
            "ToolMessage" or "tool" => "tool",
            _ => type ?? "user",
        };
    }
}
