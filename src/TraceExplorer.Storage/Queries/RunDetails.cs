using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

public sealed record RunDetails
{
    public required string RunId { get; init; }
    public required string RequestId { get; init; }
    public required string TraceId { get; init; }
    public string? ParentRunId { get; init; }
    public RunRelation Relation { get; init; }
    public string? AgentName { get; init; }
    public string? Route { get; init; }
    public RunStatus Status { get; init; }
    public DateTime StartTime { get; init; }
    public DateTime EndTime { get; init; }
    public double DurationMs { get; init; }
    public int StepCount { get; init; }
    public int ToolCallCount { get; init; }
    public int ErrorCount { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public required RunVersions Versions { get; init; }
    public string? Models { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public bool IsPinned { get; init; }
    public string? PinNote { get; init; }
    public bool PayloadsRemoved { get; init; }

    /// <summary>How many values of each kind redaction replaced at ingest, as JSON: {"email":2}.</summary>
    public string? RedactionCounts { get; init; }
    public IReadOnlyList<RunLink> ChildRuns { get; init; } = [];
    public IReadOnlyList<ComplaintItem> Complaints { get; init; } = [];
}
