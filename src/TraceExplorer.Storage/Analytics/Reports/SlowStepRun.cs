namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A run behind a slow-steps row: its slowest step of the group.</summary>
public sealed record SlowStepRun(string RunId, int StepNumber, DateTime StartTime, double DurationMs, bool Failed);
