using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Ingest;

/// <summary>A decoded span: the step to store, and what it says about its run.</summary>
/// <param name="Step">The step; its RunId is final only when <paramref name="RunIdExplicit"/> is true.</param>
/// <param name="RunIdExplicit">False when no agent.run_id was given and the run id defaulted to the trace id.</param>
/// <param name="ComplaintId">An agent.complaint_id the span carried.</param>
/// <param name="Redactions">What redaction replaced in this span, counted into its run when the span is first stored.</param>
public sealed record IngestedSpan(Step Step, RunAttributes Run, bool RunIdExplicit, string? ComplaintId = null, Redaction.RedactionCounts? Redactions = null);
