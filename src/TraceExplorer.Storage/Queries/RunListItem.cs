using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

public sealed record RunListItem
{
    public required string RunId { get; init; }
    public required string RequestId { get; init; }
    public required string TraceId { get; init; }
    public string? AgentName { get; init; }
    public string? Route { get; init; }
    public RunStatus Status { get; init; }
    public DateTime StartTime { get; init; }
    public double DurationMs { get; init; }
    public int StepCount { get; init; }
    public int ToolCallCount { get; init; }
    public int ErrorCount { get; init; }
    public long TotalTokens { get; init; }
    public RunRelation Relation { get; init; }
    public required RunVersions Versions { get; init; }

    /// <summary>Where the failure starts, for a run with errors; see <see cref="RunFailureQuery"/>.</summary>
    public RunFailure? Failure { get; init; }
}
