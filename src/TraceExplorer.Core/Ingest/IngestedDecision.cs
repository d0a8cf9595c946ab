using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Ingest;

/// <summary>A decoded decision; without an explicit run id it belongs to the run of its span, or else of its trace.</summary>
public sealed record IngestedDecision(Decision Decision, bool RunIdExplicit, Redaction.RedactionCounts? Redactions = null);
