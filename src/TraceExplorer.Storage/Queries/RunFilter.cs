using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>The runs list's filters. Every field is optional; set fields combine with AND.</summary>
public sealed record RunFilter
{
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public RunStatus? Status { get; init; }
    public string? Agent { get; init; }
    public string? Route { get; init; }
    public string? PromptVersion { get; init; }
    public string? PolicyVersion { get; init; }
    public string? ToolContractVersion { get; init; }
    public string? RouteConfigVersion { get; init; }

    /// <summary>Runs in which any model step used this model.</summary>
    public string? Model { get; init; }
    public double? MinDurationMs { get; init; }

    /// <summary>
    /// Any run, request, trace or tool-call id (exact); otherwise text within the run's input when
    /// <see cref="TextMatchesPayloads"/>, or within its names (agent, route, versions, models) when not.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// Whether <see cref="Text"/> may look inside the runs' input. Only for a role that may read inputs: for any other,
    /// a match would tell what the hidden text contains, one guess at a time.
    /// </summary>
    public bool TextMatchesPayloads { get; init; }

    /// <summary>Runs in which a step of this group (a tool, a model, a validation schema or a step name; see <see cref="StepGroup"/>) failed.</summary>
    public string? FailedStep { get; init; }

    /// <summary>With <see cref="SlowerThanMs"/>: runs in which a step of this group (any step when null) took longer than that.</summary>
    public string? SlowStep { get; init; }

    public double? SlowerThanMs { get; init; }

    /// <summary>Runs that called this tool with identical arguments twice or more.</summary>
    public string? RepeatedTool { get; init; }

    /// <summary>Runs with at least one complaint.</summary>
    public bool WithComplaints { get; init; }

    /// <summary>Runs with a decision of this kind.</summary>
    public DecisionKind? Decision { get; init; }

    /// <summary>Runs that this filter does not select: "the others" of an explanation, its symptom's runs left out.</summary>
    public RunFilter? Excluding { get; init; }

    /// <summary>
    /// Whether the filter looks at what happened in the runs (their steps, complaints or decisions) or leaves runs
    /// out: what the hourly rollups, which count runs by their columns, cannot answer.
    /// </summary>
    public bool LooksInsideRuns => FailedStep is not null || SlowerThanMs is not null || RepeatedTool is not null || WithComplaints
        || Decision is not null || Excluding is not null;
}
