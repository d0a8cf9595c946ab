namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>A step at which a run repeated the steps just before it: one row of the loop detection's output.</summary>
public sealed class LoopStepRollup
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public DateTime Hour { get; set; }
    public required string Pattern { get; set; }
    public int Length { get; set; }
    public int StepNumber { get; set; }
}
