namespace TraceExplorer.Storage.Analytics.Timeline;

public sealed record ChangeTimeline(TimeBucket BucketSize, IReadOnlyList<TimelineBucket> Buckets, IReadOnlyList<DimensionTimeline> Dimensions);
