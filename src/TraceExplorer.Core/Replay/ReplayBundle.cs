namespace TraceExplorer.Core.Replay;

/// <summary>
/// The minimum needed to reproduce a run, versioned (docs/replay.md). Built from what the store holds, so every value in
/// it was redacted at ingest.
/// </summary>
public sealed record ReplayBundle
{
    public const string CurrentSchema = "traceexplorer.replay/v1";

    public string Schema { get; init; } = CurrentSchema;
    public required ReplayRun Run { get; init; }
    public required IReadOnlyList<ReplayStep> Steps { get; init; }

    /// <summary>Steps of the run left out of <see cref="Steps"/>: a framework's plumbing and tool spans that repeat their parent's call.</summary>
    public int OmittedSteps { get; init; }
    public required IReadOnlyList<ReplayDecision> Decisions { get; init; }
}

public sealed record ReplayRun(
    string RunId,
    string RequestId,
    string TraceId,
    string? AgentName,
    string? Route,
    string Status,
    DateTime StartTime,
    double DurationMs,
    ReplayVersions Versions,
    string? Input,
    string? Output);

public sealed record ReplayVersions(string? PromptVersion, string? PolicyVersion, string? ToolContractVersion, string? RouteConfigVersion);

public sealed record ReplayStep
{
    public int StepNumber { get; init; }
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public double StartOffsetMs { get; init; }
    public double DurationMs { get; init; }
    public required string Status { get; init; }
    public ReplayError? Error { get; init; }
    public ReplayModelCall? Model { get; init; }
    public ReplayToolCall? ToolCall { get; init; }
    public ReplayRetrieval? Retrieval { get; init; }
    public ReplayValidation? Validation { get; init; }
}

public sealed record ReplayError(string? Type, string? Message, bool TimedOut);

/// <param name="Messages">The conversation as the step details show it (normalized from any convention), or null when the span carried none.</param>
public sealed record ReplayModelCall(string? Provider, string? Model, double? Temperature, int? MaxTokens, long? InputTokens, long? OutputTokens, System.Text.Json.JsonElement? Messages = null);

public sealed record ReplayToolCall(string? ToolCallId, string? ToolName, string? ArgumentsHash, string? Arguments, string? Result);

public sealed record ReplayRetrieval(IReadOnlyList<string> DocumentIds, IReadOnlyList<string> Snippets);

public sealed record ReplayValidation(string? Schema, bool? Passed, string? FailureReason);

public sealed record ReplayDecision(DateTime Time, string Kind, string? Outcome, string? Reason, string? PolicyId, string? Actor, string? Target, int? StepNumber);
