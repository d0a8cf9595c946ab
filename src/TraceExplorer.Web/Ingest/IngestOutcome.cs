namespace TraceExplorer.Web.Ingest;

/// <summary>The answer to one export request. Only <see cref="Status.Stored"/> acknowledges data.</summary>
public sealed record IngestOutcome(IngestOutcome.Status Result, int RejectedItems = 0, string? Message = null)
{
    public enum Status
    {
        /// <summary>Committed (or nothing to store); rejected items, if any, are counted.</summary>
        Stored,

        /// <summary>The queue is full: nothing was stored, the sender should retry later.</summary>
        Busy,

        /// <summary>The write failed: nothing was stored, the sender should retry later.</summary>
        Failed,

        /// <summary>The request decoded but could not be read as telemetry: nothing was stored, and a retry will not help.</summary>
        Invalid,
    }
}
