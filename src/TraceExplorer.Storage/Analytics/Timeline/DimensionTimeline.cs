using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Analytics.Timeline;

/// <summary>A version dimension over time: its values, each value's runs per bucket, and the changes between them.</summary>
public sealed record DimensionTimeline(
    CompareDimension Dimension,
    IReadOnlyList<DimensionValue> Values,
    IReadOnlyDictionary<string, IReadOnlyDictionary<DateTime, long>> RunsByValue,
    IReadOnlyList<VersionChange> Changes);
