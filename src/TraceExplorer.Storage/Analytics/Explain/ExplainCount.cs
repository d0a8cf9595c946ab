namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>How many runs of the symptom and of the baseline carry a value, as the database counted them.</summary>
public sealed record ExplainCount(ExplainDimension Dimension, string Value, long Symptom, long Baseline);
