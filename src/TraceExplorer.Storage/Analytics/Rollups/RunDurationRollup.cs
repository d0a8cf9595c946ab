namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Runs with the same dimensions whose end-to-end duration falls in one bucket of <see cref="DurationHistogram"/>:
/// the latency report's counts, exact, and percentiles, estimated.
/// </summary>
public abstract class RunDurationRollup : RunDimensionsRollup
{
    public int Bucket { get; set; }
    public long Runs { get; set; }
    public long Failures { get; set; }
}

/// <summary>An hour's run durations.</summary>
public sealed class RunHourRollup : RunDurationRollup;

/// <summary>A UTC day's run durations (<see cref="RunDimensionsRollup.Hour"/> is the day's first hour), summed from its hours.</summary>
public sealed class RunDayRollup : RunDurationRollup;
