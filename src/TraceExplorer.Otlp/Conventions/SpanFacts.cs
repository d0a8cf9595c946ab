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

    /// <summary>The run's input or output as this span tells it (an agent span's input, a model call's user message).</summary>
    public string? Input { get; set; }
    public string? Output { get; set; }

    public List<ChatMessage> InputMessages { get; } = [];
    public List<ChatMessage> OutputMessages { get; } = [];
    public List<string> DocumentIds { get; } = [];
    public List<string> DocumentSnippets { get; } = [];

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
