namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>A run that called a tool with the same arguments twice or more.</summary>
public sealed class ToolRepeatRollup
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public DateTime Hour { get; set; }
    public required string ToolName { get; set; }
    public required string ArgumentsHash { get; set; }
    public long Calls { get; set; }
    public double TotalMs { get; set; }
    public double FastestMs { get; set; }
}
