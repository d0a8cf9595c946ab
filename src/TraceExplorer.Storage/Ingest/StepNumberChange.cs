namespace TraceExplorer.Storage.Ingest;

/// <summary>A stored step's new number within its run.</summary>
internal sealed record StepNumberChange(string RunId, string TraceId, string SpanId, int Number);
