namespace TraceExplorer.Core.Model;

/// <summary>A record of an action taken on stored data (a deletion, an erasure, a retention pass): who, what, when.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime Time { get; set; }

    /// <summary>delete_run, erase_end_user, retention…</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on: a run id, or an end user's keyed hash (never the raw id).</summary>
    public required string Target { get; set; }

    public string? Actor { get; set; }
    public string? Detail { get; set; }
}
