using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Which version introduced a validation failure: the first whose failure rate is significantly above the version before it.</summary>
public static class ValidationIntroductions
{
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
                var test = TwoProportions.Test(before.Failures, before.Validations, after.Failures, after.Validations);
                if (test.Significant(0.01) && after.Share > before.Share)
                {
                    found[series.Key] = after.Version;
                    break;
                }
            }
        }

        return found;
    }
}
