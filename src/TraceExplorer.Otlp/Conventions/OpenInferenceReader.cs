using System.Text.Json;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// OpenInference (Arize; LangChain.js, LlamaIndex and others): flattened llm.input_messages / llm.output_messages,
/// input.value / output.value (a tool span's arguments and result, an agent's input and answer), retrieved documents,
/// llm.invocation_parameters and user.id.
/// </summary>
internal static class OpenInferenceReader
{
    public static void Read(AttributeMap attributes, SpanFacts facts, string spanName, bool hasParent)
    {
        var kind = attributes.String("openinference.span.kind")?.ToUpperInvariant();
        facts.AddInput(Messages(attributes, "llm.input_messages.", output: false));
        var output = Messages(attributes, "llm.output_messages.", output: true);
        if (output.Count > 0 && attributes.String("llm.finish_reason") is { } reason)
        {
            output[^1] = output[^1] with { FinishReason = output[^1].FinishReason ?? reason };
        }

        facts.AddOutput(output);
        facts.Temperature ??= JsonText.Parse(attributes.String("llm.invocation_parameters")) is { } parameters
            && JsonText.Property(parameters, "temperature") is { ValueKind: JsonValueKind.Number } t ? t.GetDouble() : null;
        facts.EndUserId ??= attributes.String("user.id");
        facts.SessionId ??= attributes.String("session.id");
        facts.CacheReadTokens ??= attributes.Long("llm.token_count.prompt_details.cache_read");
        facts.CacheWriteTokens ??= attributes.Long("llm.token_count.prompt_details.cache_write");
        facts.AddTools(IndexedAttributes.Group(attributes.Own, "llm.tools.")
            .Select(t => JsonText.Parse(t.Value.GetValueOrDefault("tool.json_schema")) is { ValueKind: JsonValueKind.Object } schema ? ToolDefinitionsJson.Parse(schema) : null)
            .OfType<ToolDefinition>());
        ReadMetadata(attributes, facts);

        if (kind == "TOOL")
        {
            facts.Description ??= attributes.String("tool.description");
            if (attributes.String("tool.name") is { } toolName && attributes.String("tool.parameters") is { } schema)
            {
                facts.AddTools([new ToolDefinition(toolName, attributes.String("tool.description"), schema)]);
            }

            facts.ToolArguments ??= attributes.String("input.value");
            var result = JsonText.Parse(attributes.String("output.value"));
            // LangChain wraps a tool's result in a serialized ToolMessage: {"output":{…"kwargs":{"content":…,"tool_call_id":…}}}.
            var kwargs = result is { } r && JsonText.Property(r, "output") is { } o ? LangChainMessages.Kwargs(o) : null;
            facts.ToolResult ??= kwargs is { } k ? JsonText.Str(k, "content") : attributes.String("output.value");
            facts.ToolCallId ??= kwargs is { } k2 ? JsonText.Str(k2, "tool_call_id") : null;
        }

        if (kind is "AGENT" or "CHAIN" && !hasParent)
        {
            facts.AgentName ??= spanName;
            facts.Input ??= RunText(attributes.String("input.value"), "user", first: true);
            facts.Output ??= RunText(attributes.String("output.value"), "assistant", first: false);
        }

        // A retriever's documents, or a reranker's when it reordered them; id, content and score kept side by side.
        var documents = IndexedAttributes.Group(attributes.Own, "retrieval.documents.");
        if (documents.Count == 0)
        {
            documents = IndexedAttributes.Group(attributes.Own, "reranker.output_documents.");
        }

        foreach (var (index, document) in documents)
        {
            facts.DocumentIds.Add(document.GetValueOrDefault("document.id") ?? $"#{index + 1}");
            facts.DocumentSnippets.Add(document.GetValueOrDefault("document.content") ?? "");
            facts.DocumentScores.Add(document.GetValueOrDefault("document.score") ?? "");
        }
    }

    /// <summary>metadata: a JSON object whose values are kept as text; tag.tags: a list of strings.</summary>
    private static void ReadMetadata(AttributeMap attributes, SpanFacts facts)
    {
        if (JsonText.Parse(attributes.String("metadata")) is { ValueKind: JsonValueKind.Object } metadata)
        {
            foreach (var property in metadata.EnumerateObject())
            {
                facts.AddMetadata(property.Name, JsonText.AsText(property.Value));
                if (SenderMetadata.IsSessionKey(property.Name))
                {
                    facts.SessionId ??= JsonText.AsText(property.Value);
                }
            }
        }

        if (JsonText.Parse(attributes.String("tag.tags")) is { ValueKind: JsonValueKind.Array } tags)
        {
            facts.Tags.AddRange(tags.EnumerateArray().Select(JsonText.AsText).OfType<string>().Where(t => t.Length > 0));
        }
    }

    private static List<ChatMessage> Messages(AttributeMap attributes, string prefix, bool output)
    {
        var messages = new List<ChatMessage>();
        foreach (var (_, message) in IndexedAttributes.Group(attributes.Own, prefix))
        {
            var role = message.GetValueOrDefault("message.role") ?? (output ? "assistant" : "user");
            var parts = new List<ChatPart>();
            if (message.TryGetValue("message.content", out var content) && content.Length > 0)
            {
                parts.Add(role == "tool" ? ChatPart.ToolResult(message.GetValueOrDefault("message.tool_call_id"), content, message.GetValueOrDefault("message.name")) : ChatPart.TextPart(content));
            }

            foreach (var (_, item) in IndexedAttributes.Group(message, "message.contents."))
            {
                if (item.TryGetValue("message_content.text", out var text))
                {
                    parts.Add(ChatPart.TextPart(text));
                }
            }

            foreach (var (_, call) in IndexedAttributes.Group(message, "message.tool_calls."))
            {
                parts.Add(ChatPart.ToolCall(call.GetValueOrDefault("tool_call.id"), call.GetValueOrDefault("tool_call.function.name"),
                    JsonText.Unwrapped(JsonText.Parse(call.GetValueOrDefault("tool_call.function.arguments"))) ?? call.GetValueOrDefault("tool_call.function.arguments")));
            }

            messages.Add(new ChatMessage(role, parts));
        }

        return messages;
    }

    /// <summary>An agent's input or output value as text: plain text as it is, a message list as its first user message or last answer.</summary>
    private static string? RunText(string? value, string role, bool first)
    {
        if (JsonText.Parse(value) is not { } json)
        {
            return string.IsNullOrWhiteSpace(value) ? null : value;
        }

        var messages = LangChainMessages.Read(json).Where(m => m.Role == role && m.Text.Length > 0).ToList();
        if (messages.Count > 0)
        {
            return first ? messages[0].Text : messages[^1].Text;
        }

        return json.ValueKind == JsonValueKind.String ? json.GetString()
            : JsonText.Str(json, "input") ?? JsonText.Str(json, "question") ?? JsonText.Str(json, "output") ?? value;
    }
}
