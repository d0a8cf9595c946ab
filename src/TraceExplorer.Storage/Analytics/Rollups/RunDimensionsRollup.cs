namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// A rollup row of one hour of runs with the same run dimensions. The columns are named as on the runs table, so the
/// runs filter (<see cref="RunFilterSql"/>) applies to rollup rows as written.
/// </summary>
public abstract class RunDimensionsRollup
{
    public long Id { get; set; }

    /// <summary>The hour the runs started in (UTC, truncated).</summary>
    public DateTime Hour { get; set; }
    public string? AgentName { get; set; }
    public string? Route { get; set; }
    public string? PromptVersion { get; set; }
    public string? PolicyVersion { get; set; }
    public string? ToolContractVersion { get; set; }
    public string? RouteConfigVersion { get; set; }
    public string? Models { get; set; }
}
