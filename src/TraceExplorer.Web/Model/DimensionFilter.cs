using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>The runs list filter that selects the runs where a dimension has a value: the link behind a version's numbers.</summary>
public static class DimensionFilter
{
    /// <summary>The query with the dimension's filter set to a value (null clears it).</summary>
    public static RunListQuery With(this RunListQuery query, RunDimension dimension, string? value) => QueryState.With(query, dimension.FilterName, value);

    /// <summary>Time has no value to filter on; the query comes back unchanged.</summary>
    public static RunListQuery With(this RunListQuery query, CompareDimension dimension, string value) =>
        CompareDimensions.Of(dimension) is { } run ? query.With(run, value) : query;
}
