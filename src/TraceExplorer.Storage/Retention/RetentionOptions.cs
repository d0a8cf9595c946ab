namespace TraceExplorer.Storage.Retention;

/// <summary>The <c>Retention</c> section: how long payloads and runs are kept. Pinned runs are kept regardless.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days after which inputs, outputs, tool arguments and results and retrieval snippets are removed; 0 keeps them.</summary>
    public int PayloadDays { get; set; } = 30;

    /// <summary>Days after which whole runs are deleted; 0 keeps them.</summary>
    public int RunDays { get; set; } = 90;

    /// <summary>Runs handled per transaction, so ingest is never held up for long.</summary>
    public int BatchSize { get; set; } = 200;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
