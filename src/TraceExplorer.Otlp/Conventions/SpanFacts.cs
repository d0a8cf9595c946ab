namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// What the convention readers found on one span, in TraceExplorer's terms. Readers run in a fixed order and each
/// fills only what is still unknown, so the first convention that says something wins.
/// </summary>
internal sealed class SpanFacts
{
    public string? ToolName { get; set; }
    public string? ToolCallId { get; set; }
    public string? ToolArguments { get; set; }
    public string? ToolResult { get; set; }
    public string? Model { get; set; }
    public string? Provider { get; set; }
    public double? Temperature { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public string? AgentName { get; set; }
    public string? EndUserId { get; set; }

    /// <summary>What a tool or an agent says it does.</summary>
    public string? Description { get; set; }

    /// <summary>The conversation or session the run belongs to (gen_ai.conversation.id, session.id, a framework's session metadata).</summary>
    public string? SessionId { get; set; }

    /// <summary>The provider's id of a model response (gen_ai.response.id, ai.response.id), to find it in the provider's logs.</summary>
    public string? ResponseId { get; set; }

    /// <summary>Input tokens served from, and written to, the provider's prompt cache: part of the input tokens, not added to them.</summary>
    public long? CacheReadTokens { get; set; }
    public long? CacheWriteTokens { get; set; }

    /// <summary>The tools offered to a model call.</summary>
    public List<ToolDefinition> ToolsOffered { get; } = [];

    /// <summary>The sender's own metadata and tags (OpenInference metadata and tag.tags, ai.telemetry.metadata.*, Traceloop association properties).</summary>
    public SortedDictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
    public List<string> Tags { get; } = [];

    /// <summary>The run's input or output as this span tells it (an agent span's input, a model call's user message).</summary>
    public string? Input { get; set; }
    public string? Output { get; set; }

    public List<ChatMessage> InputMessages { get; } = [];
    public List<ChatMessage> OutputMessages { get; } = [];
    public List<string> DocumentIds { get; } = [];
    public List<string> DocumentSnippets { get; } = [];
    public List<string> DocumentScores { get; } = [];

    public void AddTools(IEnumerable<ToolDefinition> tools)
    {
        if (ToolsOffered.Count == 0)
        {
            ToolsOffered.AddRange(tools);
        }
    }

    public void AddMetadata(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Metadata.TryAdd(key, value);
        }
    }

    public void AddInput(IEnumerable<ChatMessage> messages)
    {
        if (InputMessages.Count == 0)
        {
            InputMessages.AddRange(messages);
        }
    }

    public void AddOutput(IEnumerable<ChatMessage> messages)
    {
        if (OutputMessages.Count == 0)
        {
            OutputMessages.AddRange(messages.Select(m => m with { Output = true }));
        }
    }
}
