namespace TraceExplorer.Storage.Analytics.Timeline;

/// <summary>A dimension taking a new value: when it first appeared, and the value it followed.</summary>
public sealed record VersionChange(string From, string To, DateTime At);
