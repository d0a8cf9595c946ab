namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>A bar of the latency histogram: runs from <see cref="FromMs"/> up to <see cref="ToMs"/> (open-ended when null), as shares of each cohort.</summary>
public sealed record DistributionBin(double FromMs, double? ToMs, double ShareA, double ShareB);
