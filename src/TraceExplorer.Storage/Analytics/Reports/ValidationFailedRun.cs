namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A run behind a validation-failure row: its latest failed validation of that schema and reason.</summary>
public sealed record ValidationFailedRun(string RunId, int StepNumber, DateTime StartTime);
