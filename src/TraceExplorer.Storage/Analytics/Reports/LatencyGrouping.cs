namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>What the latency report draws one line per.</summary>
public enum LatencyGrouping
{
    None,
    Agent,
    Route,
    PromptVersion,
    PolicyVersion,
    ToolContractVersion,
    RouteConfigVersion,
}
