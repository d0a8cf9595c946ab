using System.Text.Json;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// OpenLLMetry (Traceloop): traceloop.span.kind with traceloop.entity.name / input / output on workflow, agent, task
/// and tool spans, and the older indexed gen_ai.prompt.N.* / gen_ai.completion.N.* messages.
/// </summary>
internal static class OpenLlmetryReader
{
    public static void Read(AttributeMap attributes, SpanFacts facts)
    {
        var kind = attributes.String("traceloop.span.kind");
        var name = attributes.String("traceloop.entity.name");
        var input = attributes.String("traceloop.entity.input");
        var output = Decoded(attributes.String("traceloop.entity.output"));
        if (kind == "tool")
        {
            facts.ToolName ??= name;
            facts.ToolArguments ??= Arguments(input);
            facts.ToolResult ??= output;
        }
        else if (kind is "agent" or "workflow")
        {
            facts.AgentName ??= name ?? attributes.String("traceloop.workflow.name");
            facts.Input ??= Arguments(input) is { } arguments && arguments is not ("{}" or "[]") ? Decoded(arguments) : null;
            facts.Output ??= output;
        }

        SenderMetadata.Read(attributes, facts, "traceloop.association.properties.");
        facts.AddInput(Indexed(attributes, "gen_ai.prompt.", output: false));
        facts.AddOutput(Indexed(attributes, "gen_ai.completion.", output: true));
    }

    /// <summary>The wrapped function's arguments, {"args":[…],"kwargs":{…}}: the keyword arguments when there are no positional ones.</summary>
    private static string? Arguments(string? input)
    {
        if (JsonText.Parse(input) is not { ValueKind: JsonValueKind.Object } call || JsonText.Property(call, "kwargs") is not { } kwargs)
        {
            return input;
        }

        return JsonText.Property(call, "args") is { ValueKind: JsonValueKind.Array } args && args.GetArrayLength() > 0
            ? JsonText.AsText(call)
            : JsonText.AsText(kwargs);
    }

    /// <summary>A return value is JSON-encoded: a string comes quoted.</summary>
    private static string? Decoded(string? value) =>
        JsonText.Parse(value) is { ValueKind: JsonValueKind.String } text ? text.GetString() : value;

    private static List<ChatMessage> Indexed(AttributeMap attributes, string prefix, bool output)
    {
        var messages = new List<ChatMessage>();
        foreach (var (_, message) in IndexedAttributes.Group(attributes.Own, prefix))
        {
            var role = message.GetValueOrDefault("role") ?? (output ? "assistant" : "user");
            var parts = new List<ChatPart>();
            if (message.TryGetValue("content", out var content) && content.Length > 0)
            {
                parts.Add(role == "tool" ? ChatPart.ToolResult(message.GetValueOrDefault("tool_call_id"), content) : ChatPart.TextPart(content));
            }

            foreach (var (_, call) in IndexedAttributes.Group(message, "tool_calls."))
            {
                parts.Add(ChatPart.ToolCall(call.GetValueOrDefault("id"), call.GetValueOrDefault("name"), call.GetValueOrDefault("arguments")));
            }

            messages.Add(new ChatMessage(role, parts, message.GetValueOrDefault("finish_reason")));
        }

        return messages;
    }
}
