namespace TraceExplorer.Replay;

/// <summary>
/// What the cassette answers for one tool call of the agent under test: the recorded outcome, or a miss that says why.
/// A miss is never filled in with an invented result.
/// </summary>
public sealed record CassetteAnswer
{
    public bool Hit { get; init; }

    /// <summary>"arguments" when the arguments hash matched, "order" when the next unused call of the tool was taken.</summary>
    public string? MatchedBy { get; init; }

    public string? ToolCallId { get; init; }
    public string? Result { get; init; }
    public string? ErrorType { get; init; }
    public string? ErrorMessage { get; init; }
    public bool TimedOut { get; init; }

    /// <summary>Why nothing was found, for a miss.</summary>
    public string? Miss { get; init; }
}
