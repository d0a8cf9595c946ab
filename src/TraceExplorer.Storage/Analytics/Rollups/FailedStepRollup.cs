namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// A step that failed (see <see cref="Queries.StepGroup.FailedSql"/>), by its run: explain finds the step that failed
/// first in a run, and the runs whose step of a group failed, among these few rows instead of every step.
/// </summary>
public sealed class FailedStepRollup
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public DateTime Hour { get; set; }
    public int StepNumber { get; set; }
    public required string Kind { get; set; }

    /// <summary>The step's group (see <see cref="Queries.StepGroup.NameSql"/>).</summary>
    public string? Name { get; set; }
    public string? ErrorType { get; set; }
    public double DurationMs { get; set; }
}
