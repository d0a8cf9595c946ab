using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>The audit trail's filters; set fields combine with AND, text fields match exactly.</summary>
public sealed record DecisionFilter
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public DecisionKind? Kind { get; init; }
    public string? Outcome { get; init; }
    public string? PolicyId { get; init; }
    public string? Actor { get; init; }
    public string? Target { get; init; }
    public string? RunId { get; init; }
}
