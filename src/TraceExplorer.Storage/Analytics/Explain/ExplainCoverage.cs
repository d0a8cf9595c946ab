using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// Which of explain's runs are read through the rollups: those of whole hours rolled up, where no window of the symptom
/// or the baseline begins or ends inside the hour (so that each hour's runs are all on one side of every window).
/// </summary>
public static class ExplainCoverage
{
    /// <summary>The start times either side's runs lie in: from the earlier start to the later end of the two windows.</summary>
    public static RunTimeRange Span(ExplainRequest request)
    {
        var (scope, baseline) = (request.Symptom.Scope, ExplainSql.Baseline(request));
        return new RunTimeRange(
            scope.From is { } a && baseline.From is { } b ? (a < b ? a : b) : null,
            scope.To is { } c && baseline.To is { } d ? (c > d ? c : d) : null);
    }

    /// <summary>
    /// The rollups count the baseline's runs by run dimensions and status: a baseline by duration or by what happened
    /// in its runs is read from the runs.
    /// </summary>
    public static bool RollupsServe(ExplainRequest request) =>
        ExplainSql.Baseline(request) is { MinDurationMs: null, LooksInsideRuns: false } baseline && string.IsNullOrEmpty(baseline.Text);

    /// <summary>The windows' starts and ends, where an hour they fall inside must be read from the runs.</summary>
    public static IEnumerable<DateTime> Boundaries(ExplainRequest request)
    {
        var (scope, baseline) = (request.Symptom.Scope, ExplainSql.Baseline(request));
        return new[] { scope.From, scope.To, baseline.From, baseline.To }.OfType<DateTime>();
    }

    /// <summary>The coverage of <paramref name="span"/> without the rolled-up hours that a boundary falls inside.</summary>
    public static RollupCoverage WithoutCutHours(RollupCoverage coverage, RunTimeRange span, IEnumerable<DateTime> boundaries)
    {
        var cuts = boundaries.ToList();
        var hours = new List<DateTime>();
        foreach (var range in coverage.Rollups)
        {
            for (var hour = range.From!.Value; hour < range.To!.Value; hour += RollupCoverage.Hour)
            {
                if (!cuts.Any(cut => hour < cut && cut < hour + RollupCoverage.Hour))
                {
                    hours.Add(hour);
                }
            }
        }

        return RollupCoverage.Split(span.From, span.To, hours);
    }

    /// <summary>A runs filter as a condition on rows of an hourly rollup under <paramref name="alias"/>: its fields but time as written, its window on the hour.</summary>
    public static string OnRollupRows(SqlQuery query, RunFilter filter, string alias) =>
        $"{RunFilterSql.Where(query, filter with { From = null, To = null }, alias)} AND "
        + RollupCoverage.Condition(query, RunFilterSql.Column(alias, "Hour"), [new RunTimeRange(filter.From, filter.To)]);
}
