namespace TraceExplorer.SampleAgent;

/// <summary>
/// Everything one simulated conversation needs, decided up front from the seeded random source so the agent
/// code only plays it out and the same seed replays the same story.
/// </summary>
internal sealed record SupportCase
{
    public required string Intent { get; init; }

    public required string OrderId { get; init; }

    public required string Question { get; init; }

    public required string KbQuery { get; init; }

    public required IReadOnlyList<string> DocumentIds { get; init; }

    public required IReadOnlyList<string> Snippets { get; init; }

    public required PlannedToolCall Lookup { get; init; }

    /// <summary>The approval or policy check made on what the lookup returned; null when the intent needs none.</summary>
    public AgentDecision? Gate { get; init; }

    /// <summary>The call that acts on the order; null when there is nothing to do or the gate stopped it.</summary>
    public PlannedToolCall? Action { get; init; }

    public required string Reply { get; init; }

    public string HandOffReply =>
        $"I couldn't reach our order system just now, so I've passed your question about order {OrderId} to a colleague, who will reply by email within one business day.";

    public string HoldingReply =>
        $"Thanks for your message about order {OrderId}. A colleague will check the details and get back to you shortly.";
}
