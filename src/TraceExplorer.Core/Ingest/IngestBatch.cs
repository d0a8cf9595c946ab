namespace TraceExplorer.Core.Ingest;

/// <summary>What one export request decoded to, and what was rejected from it.</summary>
public sealed record IngestBatch(
    IReadOnlyList<IngestedSpan> Spans,
    IReadOnlyList<IngestedDecision> Decisions,
    int RejectedItems = 0,
    string? RejectionMessage = null)
{
    public static readonly IngestBatch Empty = new([], []);
}
