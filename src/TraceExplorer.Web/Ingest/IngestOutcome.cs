namespace TraceExplorer.Web.Ingest;

/// <summary>The answer to one export request. Only <see cref="Status.Stored"/> acknowledges data.</summary>
public sealed record IngestOutcome(IngestOutcome.Status Result, int RejectedItems = 0, string? Message = null)
{
    /// <summary>For <see cref="Status.Busy"/>: how long the sender should wait before it retries.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Retry-After in whole seconds, at least 1 and at most 30 (exporters wait that long before retrying).</summary>
    public int RetryAfterSeconds => (int)Math.Clamp(Math.Ceiling(RetryAfter.TotalSeconds), 1, 30);

    public enum Status
    {
        /// <summary>Committed (or nothing to store); rejected items, if any, are counted.</summary>
        Stored,

        /// <summary>The queue is full, or its work would take too long, or too many bytes are in flight: nothing was stored, the sender should retry later.</summary>
        Busy,

        /// <summary>The write failed: nothing was stored, the sender should retry later.</summary>
        Failed,

        /// <summary>The request decoded but could not be read as telemetry: nothing was stored, and a retry will not help.</summary>
        Invalid,
    }
}
