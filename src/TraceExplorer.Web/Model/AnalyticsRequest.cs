using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>An analytics query, parsed. <see cref="Bucket"/> is null when the report picks it from the time range.</summary>
public sealed record AnalyticsRequest(RunFilter Filter, StepGrouping Grouping, int MinCalls, LatencyGrouping By, TimeBucket? Bucket, double SloMs)
{
    /// <summary>Hours over three days or less, days beyond, and days when the range is open-ended.</summary>
    public TimeBucket BucketFor(DateTime utcNow)
    {
        if (Bucket is { } chosen)
        {
            return chosen;
        }

        var span = (Filter.To ?? utcNow) - (Filter.From ?? DateTime.MinValue);
        return Filter.From is not null && span <= TimeSpan.FromDays(3) ? TimeBucket.Hour : TimeBucket.Day;
    }
}
