using System.ComponentModel.DataAnnotations;

namespace TraceExplorer.Web.Security;

/// <summary>The <c>RateLimits</c> section: requests per minute per client address, for the API and for OTLP ingest.</summary>
public sealed class RateLimitSettings
{
    public const string SectionName = "RateLimits";

    [Range(1, int.MaxValue)]
    public int ApiPerMinute { get; set; } = 1200;

    /// <summary>High enough for a busy exporter's batches; a runaway one is held back instead of starving the others.</summary>
    [Range(1, int.MaxValue)]
    public int IngestPerMinute { get; set; } = 60_000;
}
