namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>One hour of the symptom's window: its runs, and how many of them show the symptom.</summary>
public sealed record ExplainHour(DateTime Hour, long Runs, long SymptomRuns);
