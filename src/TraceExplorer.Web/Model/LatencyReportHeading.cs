using System.Globalization;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// What a latency report covers, in words that still hold on paper: the period with both ends as dates (a printout
/// read next week must not say "to now") and every filter and option that shaped the figures.
/// </summary>
public static class LatencyReportHeading
{
    /// <param name="period">The current period with its end set (see <see cref="LatencyPeriods"/>).</param>
    public static string Period(RunFilter period) => period.From is { } from
        ? $"{Minutes(from)} to {Minutes(period.To ?? from)} UTC; each change is against the period of the same length before it."
        : period.To is { } to ? $"All runs up to {Minutes(to)} UTC." : "All time.";

    /// <summary>"Agent support-agent · Route billing · One line per route · Per day · SLO 1m 00s".</summary>
    public static string Filters(AnalyticsRequest request, TimeBucket bucket)
    {
        var filter = request.Filter;
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name} {value}");
            }
        }

        foreach (var dimension in RunDimension.All)
        {
            Add(dimension.Label, dimension.Filter(filter));
        }

        Add("One line per", LatencyGroupings.Of(request.By)?.Label.ToLowerInvariant());
        Add("Per", bucket == TimeBucket.Hour ? "hour" : "day");
        Add("SLO", DisplayFormat.Duration(request.SloMs));
        return string.Join(" · ", parts);
    }

    private static string Minutes(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
