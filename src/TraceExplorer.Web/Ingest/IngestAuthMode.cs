namespace TraceExplorer.Web.Ingest;

public enum IngestAuthMode
{
    /// <summary>Anyone who can reach the OTLP ports may send. Allowed only while listening on loopback.</summary>
    Unsecured,

    /// <summary>Senders present a key in x-api-key or Authorization: Bearer.</summary>
    ApiKey,
}
