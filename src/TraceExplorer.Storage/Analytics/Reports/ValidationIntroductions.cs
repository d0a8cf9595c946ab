using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// Which version introduced a validation failure: the first whose failure rate is significantly above the version
/// before it, compared around the change, as the version comparison does: the old version over the day before the
/// new one appeared and that day, the new one over that day and the day after. Over all time, a harmless change
/// shipped before a harmful one would carry the harmful one's failures and be blamed for them.
/// </summary>
public static class ValidationIntroductions
{
    /// <summary>Days compared on each side of a change, besides the day of the change itself.</summary>
    public const int WindowDays = 1;

    /// <returns>For each (dimension, schema) that has one, the version that introduced its failures.</returns>
    public static IReadOnlyDictionary<(CompareDimension Dimension, string Schema), string> Find(IReadOnlyList<ValidationByVersion> rows)
    {
        var found = new Dictionary<(CompareDimension, string), string>();
        foreach (var series in rows.GroupBy(r => (r.Dimension, r.Schema)))
        {
            var versions = series.OrderBy(r => r.FirstSeen).ToList();
            for (var i = 1; i < versions.Count; i++)
            {
                var (before, after) = (versions[i - 1], versions[i]);
                var change = after.FirstSeen.Date;
                var (failedBefore, checkedBefore) = Around(before, change.AddDays(-WindowDays), change);
                var (failedAfter, checkedAfter) = Around(after, change, change.AddDays(WindowDays));
                var test = TwoProportions.Test(failedBefore, checkedBefore, failedAfter, checkedAfter);
                if (test.Significant(0.01) && (double)failedAfter / checkedAfter > (double)failedBefore / checkedBefore)
                {
                    found[series.Key] = after.Version;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>A version's counts over the days from <paramref name="first"/> to <paramref name="last"/>; all of its counts when it has none there.</summary>
    private static (long Failures, long Validations) Around(ValidationByVersion version, DateTime first, DateTime last)
    {
        var days = version.Days.Where(d => d.Day >= first && d.Day <= last).ToList();
        return days.Sum(d => d.Validations) > 0
            ? (days.Sum(d => d.Failures), days.Sum(d => d.Validations))
            : (version.Failures, version.Validations);
    }
}
