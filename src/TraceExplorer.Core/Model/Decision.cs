namespace TraceExplorer.Core.Model;

/// <summary>A decision-log entry: why something was allowed, blocked, routed or fell back.</summary>
public sealed class Decision
{
    public long Id { get; set; }
    public required string RunId { get; set; }

    public string? TraceId { get; set; }

    /// <summary>The span the decision belongs to, if any.</summary>
    public string? SpanId { get; set; }
    public DateTime Time { get; set; }
    public DecisionKind Kind { get; set; }
    public string? Outcome { get; set; }
    public string? Reason { get; set; }
    public string? PolicyId { get; set; }
    public string? Actor { get; set; }
    public string? Target { get; set; }

    /// <summary>A hash of what identifies the decision, so a re-sent decision is stored once.</summary>
    public string? Fingerprint { get; set; }
}
