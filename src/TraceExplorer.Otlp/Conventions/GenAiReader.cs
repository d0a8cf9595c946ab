using System.Text.Json;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// OpenTelemetry GenAI semantic conventions (AI SDK 7, MEAI, Agent Framework, Semantic Kernel, OpenLLMetry's chat
/// spans): the JSON message attributes, tool call attributes and agent name. The older span-event form is
/// <see cref="GenAiEventsReader"/>.
/// </summary>
internal static class GenAiReader
{
    public static void Read(AttributeMap attributes, SpanFacts facts)
    {
        facts.ToolArguments ??= attributes.String("gen_ai.tool.call.arguments");
        facts.ToolResult ??= attributes.String("gen_ai.tool.call.result");
        facts.AgentName ??= attributes.String("gen_ai.agent.name");
        facts.Description ??= attributes.String("gen_ai.tool.description") ?? attributes.String("gen_ai.agent.description");
        facts.SessionId ??= attributes.String("gen_ai.conversation.id");
        facts.ResponseId ??= attributes.String("gen_ai.response.id");
        facts.CacheReadTokens ??= attributes.Long("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens");
        facts.CacheWriteTokens ??= attributes.Long("gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens");
        facts.AddTools(ToolDefinitionsJson.ParseList(attributes.String("gen_ai.tool.definitions")));

        var system = Messages(attributes.String("gen_ai.system_instructions"), "system");
        var input = Messages(attributes.String("gen_ai.input.messages"), "user");
        if (system.Count > 0 || input.Count > 0)
        {
            facts.AddInput([.. system, .. input]);
        }

        var output = Messages(attributes.String("gen_ai.output.messages"), "assistant");
        if (output.Count > 0 && FinishReasons(attributes) is { } reason)
        {
            output[^1] = output[^1] with { FinishReason = output[^1].FinishReason ?? reason };
        }

        facts.AddOutput(output);
    }

    /// <summary>
    /// GenAI messages: [{"role":…,"parts":[{"type":"text","content":…},{"type":"tool_call",…},{"type":"tool_call_response",…}]}];
    /// system instructions are a bare array of parts.
    /// </summary>
    public static List<ChatMessage> Messages(string? json, string defaultRole)
    {
        var messages = new List<ChatMessage>();
        if (JsonText.Parse(json) is not { ValueKind: JsonValueKind.Array } array)
        {
            return messages;
        }

        var bareParts = new List<ChatPart>();
        foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            if (JsonText.Property(item, "parts") is { ValueKind: JsonValueKind.Array } parts)
            {
                messages.Add(new ChatMessage(JsonText.Str(item, "role") ?? defaultRole, Parts(parts), JsonText.Str(item, "finish_reason")));
            }
            else if (Part(item) is { } part)
            {
                bareParts.Add(part);
            }
        }

        if (bareParts.Count > 0)
        {
            messages.Insert(0, new ChatMessage(defaultRole, bareParts));
        }

        return messages;
    }

    private static List<ChatPart> Parts(JsonElement parts) =>
        parts.EnumerateArray().Select(Part).OfType<ChatPart>().ToList();

    private static ChatPart? Part(JsonElement part) => JsonText.Str(part, "type") switch
    {
        "text" or "reasoning" or null => JsonText.Str(part, "content") is { } text ? ChatPart.TextPart(text) : null,
        "tool_call" => ChatPart.ToolCall(JsonText.Str(part, "id"), JsonText.Str(part, "name"), JsonText.Unwrapped(JsonText.Property(part, "arguments"))),
        "tool_call_response" => ChatPart.ToolResult(JsonText.Str(part, "id"), JsonText.Str(part, "response") ?? JsonText.Str(part, "result")),
        _ => null,
    };

    /// <summary>gen_ai.response.finish_reasons: a string array from JS, a JSON string from .NET.</summary>
    private static string? FinishReasons(AttributeMap attributes)
    {
        var text = attributes.String("gen_ai.response.finish_reasons");
        return JsonText.Parse(text) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(JsonText.AsText).FirstOrDefault(r => r is not null)
            : string.IsNullOrEmpty(text) ? null : text;
    }
}
