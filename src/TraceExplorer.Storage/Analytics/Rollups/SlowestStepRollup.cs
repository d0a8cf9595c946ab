namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// A run's slowest step of one step group (kind, name, tool, model), kept when the run is among the
/// <see cref="Reports.SlowStepQueries.MaxSlowestRuns"/> slowest of its hour with the same run dimensions: enough to
/// answer "the slowest runs of a group" for any grouping and run filter without reading the steps.
/// </summary>
public sealed class SlowestStepRollup
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public DateTime Hour { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public string? ToolName { get; set; }
    public string? Model { get; set; }
    public int StepNumber { get; set; }
    public DateTime StartTime { get; set; }
    public double DurationMs { get; set; }
    public bool Failed { get; set; }
}
