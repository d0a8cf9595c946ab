using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

public sealed record DecisionItem
{
    public DateTime Time { get; init; }
    public DecisionKind Kind { get; init; }
    public string? Outcome { get; init; }
    public string? Reason { get; init; }
    public string? PolicyId { get; init; }
    public string? Actor { get; init; }
    public string? Target { get; init; }
    public string? SpanId { get; init; }
    public int? StepNumber { get; init; }
}
