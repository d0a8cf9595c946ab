namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// An hour whose runs were written since its rollups were computed. Every write that touches a run bumps its hour's
/// version in the same transaction; the materializer clears the hour only if the version is still the one it read.
/// </summary>
public sealed class PendingRollupHour
{
    public DateTime Hour { get; set; }
    public long Version { get; set; }
}
