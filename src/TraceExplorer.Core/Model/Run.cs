namespace TraceExplorer.Core.Model;

/// <summary>One agent execution. The ID model and version metadata are first-class so they can be indexed and filtered.</summary>
public sealed class Run
{
    public required string RunId { get; set; }
    public required string RequestId { get; set; }
    public required string TraceId { get; set; }
    public string? ParentRunId { get; set; }
    public RunRelation Relation { get; set; }

    public string? AgentName { get; set; }
    public string? Route { get; set; }
    public RunStatus Status { get; set; }

    public DateTime StartTime { get; set; }
    public DateTime EndTime { get; set; }
    public double DurationMs { get; set; }

    public int StepCount { get; set; }
    public int ToolCallCount { get; set; }
    public int ErrorCount { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }

    public string? PromptVersion { get; set; }
    public string? PolicyVersion { get; set; }
    public string? ToolContractVersion { get; set; }
    public string? RouteConfigVersion { get; set; }

    /// <summary>The distinct models the run's steps used, sorted, comma separated.</summary>
    public string? Models { get; set; }

    public string? Input { get; set; }
    public string? Output { get; set; }

    /// <summary>A keyed hash of enduser.id; the raw id is never stored.</summary>
    public string? EndUserHash { get; set; }

    /// <summary>An incident pin keeps the run (and its payloads) through retention.</summary>
    public bool IsPinned { get; set; }

    /// <summary>Why the run was pinned: the incident it belongs to.</summary>
    public string? PinNote { get; set; }

    /// <summary>Retention removed its payloads (inputs, outputs, arguments, results, snippets); the structure remains.</summary>
    public bool PayloadsRemoved { get; set; }

    /// <summary>How many values of each kind redaction replaced in this run, as JSON: {"email":2}.</summary>
    public string? RedactionCounts { get; set; }

    /// <summary>The span with no parent, once it has arrived.</summary>
    public string? RootSpanId { get; set; }

    /// <summary>Whether the root span ended in error; with <see cref="RootSpanId"/> it decides the status.</summary>
    public bool RootFailed { get; set; }

    /// <summary>The latest step start seen, so ingest can tell in-order arrival (append numbers) from out-of-order (renumber).</summary>
    public DateTime? LastStepStart { get; set; }

    /// <summary>True once a span of the run carried agent.step_id: the agent numbers its steps, ingest does not.</summary>
    public bool StepIdsFromAgent { get; set; }
}
