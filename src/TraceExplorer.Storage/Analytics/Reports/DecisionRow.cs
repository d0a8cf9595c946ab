using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A decision of the audit trail, with the run and step it belongs to.</summary>
public sealed record DecisionRow(long Id, DateTime Time, DecisionKind Kind, string? Outcome, string? Reason, string? PolicyId, string? Actor, string? Target, string RunId, int? StepNumber);
