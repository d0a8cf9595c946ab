using System.Text.Json;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// The Vercel AI SDK's own ai.* spans (AI SDK 5, and AI SDK 7's LegacyOpenTelemetry): tool calls, prompts in the
/// SDK's ModelMessage format, responses, model, settings, usage under both its old and new key names, functionId.
/// </summary>
internal static class VercelAiReader
{
    public static void Read(AttributeMap attributes, SpanFacts facts)
    {
        var operationId = attributes.String("ai.operationId");
        if (operationId is null)
        {
            return;
        }

        facts.ToolName ??= attributes.String("ai.toolCall.name");
        facts.ToolCallId ??= attributes.String("ai.toolCall.id");
        facts.ToolArguments ??= attributes.String("ai.toolCall.args") ?? attributes.String("ai.toolCall.input");
        facts.ToolResult ??= attributes.String("ai.toolCall.result") ?? attributes.String("ai.toolCall.output");
        facts.Model ??= attributes.String("ai.model.id");
        facts.Provider ??= attributes.String("ai.model.provider");
        facts.Temperature ??= attributes.Double("ai.settings.temperature");
        facts.InputTokens ??= attributes.Long("ai.usage.inputTokens", "ai.usage.promptTokens");
        facts.OutputTokens ??= attributes.Long("ai.usage.outputTokens", "ai.usage.completionTokens");
        facts.AgentName ??= attributes.String("ai.telemetry.functionId");
        facts.ResponseId ??= attributes.String("ai.response.id");
        facts.CacheReadTokens ??= attributes.Long("ai.usage.cachedInputTokens", "ai.usage.inputTokenDetails.cacheReadTokens");
        facts.CacheWriteTokens ??= attributes.Long("ai.usage.inputTokenDetails.cacheWriteTokens");
        facts.AddTools(ToolDefinitionsJson.ParseList(attributes.String("ai.prompt.tools")));
        SenderMetadata.Read(attributes, facts, "ai.telemetry.metadata.");

        var input = ModelMessages(JsonText.Parse(attributes.String("ai.prompt.messages")));
        if (input.Count == 0 && JsonText.Parse(attributes.String("ai.prompt")) is { } prompt)
        {
            // The call's own prompt: {"system":…,"prompt":…} or {"system":…,"messages":[…]}.
            if (JsonText.Str(prompt, "system") is { } system)
            {
                input.Add(new ChatMessage("system", [ChatPart.TextPart(system)]));
            }

            if (JsonText.Str(prompt, "prompt") is { } text)
            {
                input.Add(new ChatMessage("user", [ChatPart.TextPart(text)]));
            }

            input.AddRange(ModelMessages(JsonText.Property(prompt, "messages")));
            facts.Input ??= input.FirstOrDefault(m => m.Role == "user" && m.Text.Length > 0)?.Text;
            facts.Output ??= NullIfEmpty(attributes.String("ai.response.text"));
        }

        facts.AddInput(input);
        var parts = new List<ChatPart>();
        if (NullIfEmpty(attributes.String("ai.response.text")) is { } answer)
        {
            parts.Add(ChatPart.TextPart(answer));
        }

        if (JsonText.Parse(attributes.String("ai.response.toolCalls")) is { ValueKind: JsonValueKind.Array } calls)
        {
            parts.AddRange(calls.EnumerateArray().Select(c => ChatPart.ToolCall(JsonText.Str(c, "toolCallId"), JsonText.Str(c, "toolName"),
                JsonText.Unwrapped(JsonText.Property(c, "input") ?? JsonText.Property(c, "args")))));
        }

        if (parts.Count > 0)
        {
            facts.AddOutput([new ChatMessage("assistant", parts, attributes.String("ai.response.finishReason"))]);
        }
    }

    /// <summary>The AI SDK's ModelMessage: content a string or parts text / tool-call / tool-result.</summary>
    private static List<ChatMessage> ModelMessages(JsonElement? value)
    {
        var messages = new List<ChatMessage>();
        if (value is not { ValueKind: JsonValueKind.Array } array)
        {
            return messages;
        }

        foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var parts = new List<ChatPart>();
            var content = JsonText.Property(item, "content");
            if (content is { ValueKind: JsonValueKind.String } text)
            {
                parts.Add(ChatPart.TextPart(text.GetString()!));
            }
            else if (content is { ValueKind: JsonValueKind.Array } list)
            {
                foreach (var part in list.EnumerateArray())
                {
                    var result = JsonText.Property(part, "output") is { } output && JsonText.Property(output, "value") is { } wrapped ? wrapped : JsonText.Property(part, "result");
                    parts.Add(JsonText.Str(part, "type") switch
                    {
                        "tool-call" => ChatPart.ToolCall(JsonText.Str(part, "toolCallId"), JsonText.Str(part, "toolName"), JsonText.Unwrapped(JsonText.Property(part, "input") ?? JsonText.Property(part, "args"))),
                        "tool-result" => ChatPart.ToolResult(JsonText.Str(part, "toolCallId"), result is { } r ? JsonText.AsText(r) : null, JsonText.Str(part, "toolName")),
                        _ => ChatPart.TextPart(JsonText.Str(part, "text") ?? ""),
                    });
                }
            }

            messages.Add(new ChatMessage(JsonText.Str(item, "role") ?? "user", parts));
        }

        return messages;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
