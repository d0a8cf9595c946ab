namespace TraceExplorer.Otlp.Mapping;

public sealed record IngestMappingOptions
{
    /// <summary>The key of the keyed hash enduser.id is stored as; the raw id never reaches the store.</summary>
    public required string EndUserHashKey { get; init; }

    public IngestLimits Limits { get; init; } = new();

    /// <summary>Removes personal data and secrets before anything is stored; null stores values as sent.</summary>
    public Core.Redaction.Redactor? Redactor { get; init; }
}
