using System.ComponentModel.DataAnnotations;

namespace TraceExplorer.Web.Configuration;

/// <summary>The <c>Reports</c> section: defaults of the reports for product owners.</summary>
public sealed class ReportSettings
{
    public const string SectionName = "Reports";

    /// <summary>The end-to-end latency objective the latency report draws and counts runs over, unless the link says otherwise.</summary>
    [Range(1, 86_400_000)]
    public double LatencySloMs { get; set; } = 60_000;
}
