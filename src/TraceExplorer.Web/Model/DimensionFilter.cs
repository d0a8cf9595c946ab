using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Model;

/// <summary>The runs list filter that selects the runs where a dimension has a value: the link behind a version's numbers.</summary>
public static class DimensionFilter
{
    /// <summary>Time has no value to filter on; the query comes back unchanged.</summary>
    public static RunListQuery With(this RunListQuery query, CompareDimension dimension, string value) => dimension switch
    {
        CompareDimension.PromptVersion => query with { PromptVersion = value },
        CompareDimension.PolicyVersion => query with { PolicyVersion = value },
        CompareDimension.ToolContractVersion => query with { ToolContractVersion = value },
        CompareDimension.RouteConfigVersion => query with { RouteConfigVersion = value },
        CompareDimension.Model => query with { Model = value },
        CompareDimension.Route => query with { Route = value },
        _ => query,
    };
}
