using TraceExplorer.Core.Model;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>A decision drawn on its step's row, at its time.</summary>
public sealed record DecisionMarker(double AtMs, DecisionKind Kind, string? Outcome);
