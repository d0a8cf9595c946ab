namespace TraceExplorer.Web.Ingest;

/// <summary>What the start-up security check found, logged once the app has a logger.</summary>
public sealed record IngestStartupReport(string? Warning);
