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
}
