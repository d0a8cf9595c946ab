namespace TraceExplorer.Otlp.Mapping;

/// <summary>How much of one span is kept. What is cut says so, with a visible marker.</summary>
public sealed record IngestLimits
{
    public int MaxAttributesPerSpan { get; init; } = 128;
    public int MaxEventsPerSpan { get; init; } = 128;

    /// <summary>Decision events read from one span; beyond it they are dropped and counted in partial_success.</summary>
    public int MaxDecisionsPerSpan { get; init; } = 128;
    public int MaxValueLength { get; init; } = 16 * 1024;
    public int MaxKeyLength { get; init; } = 256;

    public static string TruncationMarker(int removed) => $"…[truncated {removed} characters]";

    public string Truncate(string value) =>
        value.Length <= MaxValueLength ? value : value[..MaxValueLength] + TruncationMarker(value.Length - MaxValueLength);
}
