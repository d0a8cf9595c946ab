using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Api;

/// <param name="Query">The comparison's query string with every default filled in: add it to /compare to see it, or to /api/compare to repeat it exactly.</param>
public sealed record CompareResponse(string Query, CohortComparison Comparison);
