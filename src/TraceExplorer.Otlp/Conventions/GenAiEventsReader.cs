using System.Text.Json;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// The older GenAI form: one span event per message (gen_ai.system.message, gen_ai.user.message,
/// gen_ai.assistant.message, gen_ai.tool.message) and gen_ai.choice for the response, each with content, tool_calls
/// and id as event attributes. Read only when the span has no message attributes.
/// </summary>
internal static class GenAiEventsReader
{
    public static void Read(IEnumerable<(string Name, AttributeMap Attributes)> events, SpanFacts facts)
    {
        var input = new List<ChatMessage>();
        var output = new List<ChatMessage>();
        foreach (var (name, attributes) in events)
        {
            switch (name)
            {
                case "gen_ai.system.message":
                    input.Add(Message("system", attributes));
                    break;
                case "gen_ai.user.message":
                    input.Add(Message("user", attributes));
                    break;
                case "gen_ai.assistant.message":
                    input.Add(Message("assistant", attributes));
                    break;
                case "gen_ai.tool.message":
                    input.Add(new ChatMessage("tool", [ChatPart.ToolResult(attributes.String("id"), attributes.String("content"))]));
                    break;
                case "gen_ai.choice":
                    var message = JsonText.Parse(attributes.String("message"));
                    var parts = new List<ChatPart>();
                    if (message is { } m && JsonText.Str(m, "content") is { } content)
                    {
                        parts.Add(ChatPart.TextPart(content));
                    }

                    parts.AddRange(ToolCalls(message is { } mm ? JsonText.Property(mm, "tool_calls") : null));
                    output.Add(new ChatMessage(message is { } r ? JsonText.Str(r, "role") ?? "assistant" : "assistant", parts, attributes.String("finish_reason")));
                    break;
            }
        }

        if (input.Count > 0)
        {
            facts.AddInput(input);
        }

        facts.AddOutput(output);
    }

    private static ChatMessage Message(string role, AttributeMap attributes)
    {
        var parts = new List<ChatPart>();
        if (attributes.String("content") is { } content)
        {
            parts.Add(ChatPart.TextPart(content));
        }

        parts.AddRange(ToolCalls(JsonText.Parse(attributes.String("tool_calls"))));
        return new ChatMessage(role, parts);
    }

    /// <summary>[{"id":…,"type":"function","function":{"name":…,"arguments":…}}], OpenAI's shape, as the events carry it.</summary>
    internal static IEnumerable<ChatPart> ToolCalls(JsonElement? calls)
    {
        if (calls is not { ValueKind: JsonValueKind.Array } array)
        {
            yield break;
        }

        foreach (var call in array.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
        {
            var function = JsonText.Property(call, "function") ?? call;
            yield return ChatPart.ToolCall(JsonText.Str(call, "id"), JsonText.Str(function, "name"), JsonText.Unwrapped(JsonText.Property(function, "arguments")));
        }
    }
}
