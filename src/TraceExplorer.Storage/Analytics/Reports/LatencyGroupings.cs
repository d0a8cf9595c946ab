using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>What each way of drawing the latency report groups runs by.</summary>
public static class LatencyGroupings
{
    /// <summary>The run dimension the report draws a line per value of; null for one line of all runs.</summary>
    public static RunDimension? Of(LatencyGrouping grouping) => grouping switch
    {
        LatencyGrouping.Agent => RunDimension.Agent,
        LatencyGrouping.Route => RunDimension.Route,
        LatencyGrouping.PromptVersion => RunDimension.PromptVersion,
        LatencyGrouping.PolicyVersion => RunDimension.PolicyVersion,
        LatencyGrouping.ToolContractVersion => RunDimension.ToolContractVersion,
        LatencyGrouping.RouteConfigVersion => RunDimension.RouteConfigVersion,
        _ => null,
    };
}
