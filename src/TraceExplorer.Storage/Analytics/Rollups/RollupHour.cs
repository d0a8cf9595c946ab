namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// An hour of run start times whose rollup rows were computed from its runs. The rows are current unless the hour is
/// also in <see cref="PendingRollupHour"/> (a write touched its runs since).
/// </summary>
public sealed class RollupHour
{
    public DateTime Hour { get; set; }
    public DateTime MaterializedAt { get; set; }
}
