namespace TraceExplorer.Storage.Queries;

/// <summary>One run on the runs list's duration-over-time chart.</summary>
public sealed record RunDurationPoint(string RunId, DateTime StartTime, double DurationMs, bool Failed);
