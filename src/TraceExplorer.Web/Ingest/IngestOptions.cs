using System.ComponentModel.DataAnnotations;

namespace TraceExplorer.Web.Ingest;

/// <summary>The <c>Ingest</c> section: where OTLP arrives, who may send it, and how much is accepted at once.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>OTLP/HTTP (POST /v1/traces, /v1/logs). Empty turns it off.</summary>
    public string HttpUrl { get; set; } = "http://localhost:4318";

    /// <summary>OTLP/gRPC (HTTP/2 without TLS). Empty turns it off.</summary>
    public string GrpcUrl { get; set; } = "http://localhost:4317";

    public IngestAuthMode AuthMode { get; set; } = IngestAuthMode.Unsecured;

    public string? PrimaryApiKey { get; set; }

    /// <summary>A second accepted key, so keys can be rotated without downtime.</summary>
    public string? SecondaryApiKey { get; set; }

    /// <summary>The largest request body accepted, after decompression.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Request bytes held at once, over all requests, from the first byte read until each is answered (the decoded
    /// form takes a few times more). Past it a request waits up to <see cref="BytesInFlightWaitSeconds"/> for room,
    /// then gets 503 with Retry-After; a request alone is always let in, so one body up to <see cref="MaxRequestBodyBytes"/> fits.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxBytesInFlight { get; set; } = 128L * 1024 * 1024;

    /// <summary>How long a request waits for room under <see cref="MaxBytesInFlight"/> before it is told to retry.</summary>
    [Range(0, 30)]
    public double BytesInFlightWaitSeconds { get; set; } = 2;

    /// <summary>The slowest body accepted, in bytes per second after a 5 s grace: a slower sender gets 408.</summary>
    [Range(0, int.MaxValue)]
    public int MinRequestBodyBytesPerSecond { get; set; } = 1024;

    /// <summary>
    /// The most writing queued ahead of a request, in seconds at the rate writes achieve: past it senders get 503
    /// with Retry-After, so they back off before their own timeouts (10 s for OpenTelemetry exporters).
    /// </summary>
    [Range(0.1, 60)]
    public double MaxQueueSeconds { get; set; } = 3;

    /// <summary>Export requests waiting for the writer, a backstop behind <see cref="MaxQueueSeconds"/>; when full, senders are told to retry later.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How many queued requests one transaction writes together.</summary>
    [Range(1, 10_000)]
    public int MaxRequestsPerWrite { get; set; } = 64;

    /// <summary>Transactions written at once. SQLite takes one writer at a time; on PostgreSQL more keep both sides busy.</summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 1;

    /// <summary>The key enduser.id is hashed with. Empty: a random key kept in <see cref="EndUserHashKeyFile"/>.</summary>
    public string? EndUserHashKey { get; set; }

    public string EndUserHashKeyFile { get; set; } = "data/enduser-hash.key";
}
