namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A series point: a group's value in one hour or day.</summary>
public sealed record DailyValue(string Series, DateTime Bucket, double Value);
