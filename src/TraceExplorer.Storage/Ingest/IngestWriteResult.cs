namespace TraceExplorer.Storage.Ingest;

/// <summary>What a write stored. Duplicates (spans and decisions already stored) are not errors: exporters retry.</summary>
public sealed record IngestWriteResult(int StoredSpans, int DuplicateSpans, int StoredDecisions, IReadOnlyCollection<string> TouchedRunIds);
