using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// Links from an explanation to the runs behind its numbers: the runs list with the filter of exactly those runs
/// (what happened in them included, and for "the others" the symptom's runs left out), so that the list counts what
/// the number counts.
/// </summary>
public static class ExplainLinks
{
    public static string Runs(RunFilter filter) => "/runs?" + Query(filter).ToQueryString();

    /// <summary>The runs of the filter that carry the value; null where the runs filter cannot name it.</summary>
    public static string? Runs(RunFilter filter, ExplainKey value) => ExplainDimensions.With(filter, value.Dimension, value.Value) is { } narrowed ? Runs(narrowed) : null;

    /// <summary>The baseline's runs as explain counts them: without the symptom's.</summary>
    public static RunFilter Others(ExplainRequest request) => ExplainSql.Baseline(request) with { Excluding = request.Symptom.Filter };

    /// <summary>The explain page for the runs list's current filters as the symptom.</summary>
    public static string Explain(RunListQuery filters) => "/explain?" + new ExplainQuery { Filters = filters with { Page = null, PageSize = null, Sort = null, Dir = null, Q = null } }.ToQueryString();

    public static string Explain(ExplainQuery query) => "/explain?" + query.ToQueryString();

    /// <summary>The explain page for an analytics page's filters as the symptom's window and versions, narrowed by <paramref name="symptom"/>.</summary>
    public static string Explain(AnalyticsQuery filters, Func<ExplainQuery, ExplainQuery> symptom) => Explain(symptom(new ExplainQuery { Filters = filters.Filters }));

    /// <summary>
    /// "Runs that failed like this one": the runs of the same agent whose step of the same group failed, the group of
    /// the step explain reads as the run's first failure (a validation that did not pass counts, as it does there).
    /// </summary>
    public static ExplainQuery? FailedLike(string? agent, IReadOnlyList<StepOutline> steps) =>
        steps.Where(s => StepGroup.Failed(s.Status, s.ValidationPassed))
            .OrderBy(s => ExplainSql.DidWork(s.Kind) ? 0 : 1).ThenBy(s => s.StepNumber).FirstOrDefault() is { } first
            ? new ExplainQuery { Filters = new RunListQuery { Agent = agent, FailedStep = StepGroup.Name(first.ToolName, first.Model, first.ValidationSchema, first.Name) } }
            : null;

    public static RunListQuery Query(RunFilter filter) => RunDimension.All.Aggregate(new RunListQuery
    {
        From = TimeRange.Format(filter.From),
        To = TimeRange.Format(filter.To),
        Status = filter.Status?.ToString().ToLowerInvariant(),
        MinDurationMs = Number(filter.MinDurationMs),
        FailedStep = filter.FailedStep,
        SlowStep = filter.SlowStep,
        SlowerThanMs = Number(filter.SlowerThanMs),
        RepeatedTool = filter.RepeatedTool,
        Complaints = filter.WithComplaints ? "true" : null,
        Decision = filter.Decision is { } kind ? QueryParsing.CamelCase(kind.ToString()) : null,
        Not = filter.Excluding is { } excluded ? Query(excluded).ToQueryString() : null,
    }, (query, dimension) => query.With(dimension, dimension.Filter(filter)));

    private static string? Number(double? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
