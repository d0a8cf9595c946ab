using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Api;

/// <param name="Query">The comparison's query string with every default filled in: add it to /compare to see it, or to /api/compare to repeat it exactly.</param>
/// <param name="Verdict">The headline the page shows: which metrics are worse, better or not testable; "Not enough runs to tell" when either side has fewer than the minimum.</param>
/// <param name="CrossAgent">A and B are runs of different agents (only when a and b were asked for): the differences may be the agents'.</param>
public sealed record CompareResponse(string Query, string Verdict, bool CrossAgent, CohortComparison Comparison);
