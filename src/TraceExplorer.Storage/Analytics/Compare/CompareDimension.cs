namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>What two cohorts of runs differ in.</summary>
public enum CompareDimension
{
    PromptVersion,
    PolicyVersion,
    ToolContractVersion,
    RouteConfigVersion,
    Model,
    Route,

    /// <summary>Before and after an instant.</summary>
    Time,
}
