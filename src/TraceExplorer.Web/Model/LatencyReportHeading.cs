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

        Add("Agent", filter.Agent);
        Add("Route", filter.Route);
        Add("Prompt version", filter.PromptVersion);
        Add("Policy version", filter.PolicyVersion);
        Add("Tool contract version", filter.ToolContractVersion);
        Add("Route config version", filter.RouteConfigVersion);
        Add("Model", filter.Model);
        Add("One line per", request.By == LatencyGrouping.None ? null : Words(request.By.ToString()));
        Add("Per", bucket == TimeBucket.Hour ? "hour" : "day");
        Add("SLO", DisplayFormat.Duration(request.SloMs));
        return string.Join(" · ", parts);
    }

    private static string Minutes(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>PromptVersion reads "prompt version".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
