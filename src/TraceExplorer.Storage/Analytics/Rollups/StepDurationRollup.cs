namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Steps of one group (kind, name, tool, model) of runs with the same dimensions whose durations fall in one bucket
/// of <see cref="DurationHistogram"/>: the slow-steps report's counts, exact, and percentiles, estimated.
/// </summary>
public abstract class StepDurationRollup : RunDimensionsRollup
{
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public string? ToolName { get; set; }
    public string? Model { get; set; }

    /// <summary>The schema a step checked: with the three above, it names the step's group (<see cref="Queries.StepGroup.NameSql"/>).</summary>
    public string? ValidationSchema { get; set; }
    public int Bucket { get; set; }
    public long Steps { get; set; }

    /// <summary>Error spans and failed validations, as <see cref="Queries.StepGroup.FailedSql"/> counts them.</summary>
    public long Failures { get; set; }
    public double TotalMs { get; set; }
    public double MaxMs { get; set; }
}

/// <summary>An hour's step durations.</summary>
public sealed class StepHourRollup : StepDurationRollup;

/// <summary>A UTC day's step durations (<see cref="RunDimensionsRollup.Hour"/> is the day's first hour), summed from its hours.</summary>
public sealed class StepDayRollup : StepDurationRollup;
