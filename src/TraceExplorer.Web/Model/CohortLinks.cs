using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Model;

/// <summary>Links from a comparison to the runs behind its numbers.</summary>
public static class CohortLinks
{
    /// <summary>The runs list showing cohort A (<paramref name="isB"/> false) or B of the comparison.</summary>
    public static string Runs(CohortComparison comparison, CohortRequest request, bool isB)
    {
        var value = isB ? comparison.B : comparison.A;
        var query = new RunListQuery
        {
            From = TimeRange.Format(request.Filter.From),
            To = TimeRange.Format(request.Filter.To),
            Agent = request.Filter.Agent,
        };
        query = comparison.Dimension switch
        {
            CompareDimension.Time => isB ? query with { From = TimeRange.Format(comparison.At) } : query with { To = TimeRange.Format(comparison.At) },
            var dimension => query.With(dimension, value),
        };
        return "/runs?" + query.ToQueryString();
    }

    public static string Diff(string runA, string runB) => $"/compare/runs?a={Uri.EscapeDataString(runA)}&b={Uri.EscapeDataString(runB)}";

}
