using System.ComponentModel.DataAnnotations;

namespace TraceExplorer.Web.Configuration;

/// <summary>The <c>Reports</c> section: defaults of the reports for product owners.</summary>
public sealed class ReportSettings
{
    public const string SectionName = "Reports";

    /// <summary>The end-to-end latency objective the latency report draws and counts runs over, unless the link says otherwise.</summary>
    [Range(1, 86_400_000)]
    public double LatencySloMs { get; set; } = 60_000;

    /// <summary>How often finished hours of runs are rolled up for the repeated-tools and validation reports.</summary>
    [Range(1, 3600)]
    public int RollupIntervalSeconds { get; set; } = 15;

    /// <summary>
    /// Compare versions claims nothing, better or worse, unless each side has at least this many runs. At least 20:
    /// below that the tests' normal approximations don't hold (each test flags a small sample of its own anyway).
    /// </summary>
    [Range(20, 1_000_000)]
    public int CompareMinRuns { get; set; } = Storage.Analytics.Compare.CohortRequest.DefaultMinRuns;

    /// <summary>A run page lists the versions first seen (for the run's agent) at most this long before the run started as new.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan NewVersionWindow { get; set; } = TimeSpan.FromHours(24);
}
