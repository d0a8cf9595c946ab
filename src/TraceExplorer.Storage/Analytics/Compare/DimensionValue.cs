namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>A value a dimension took: when it was first and last seen, and in how many runs.</summary>
public sealed record DimensionValue(string Value, DateTime FirstSeen, DateTime LastSeen, long Runs);
