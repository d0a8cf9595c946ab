namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>How many of an hour's runs called a tool with arguments: the denominator of a tool's share of repeating runs.</summary>
public sealed class ToolUsageRollup : RunDimensionsRollup
{
    public required string ToolName { get; set; }
    public long Runs { get; set; }
}
