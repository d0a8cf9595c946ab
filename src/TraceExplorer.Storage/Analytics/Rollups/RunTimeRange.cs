namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>A half-open range of run start times, [From, To); a null end is unbounded.</summary>
public readonly record struct RunTimeRange(DateTime? From, DateTime? To);
