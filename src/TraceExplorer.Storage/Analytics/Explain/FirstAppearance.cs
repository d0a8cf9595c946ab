namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>A value of a run dimension and the time a run of the same agents first carried it.</summary>
public sealed record FirstAppearance(ExplainDimension Dimension, string Value, DateTime FirstSeen);
