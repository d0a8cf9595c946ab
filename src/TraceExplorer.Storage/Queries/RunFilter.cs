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

    /// <summary>Any run, request, trace or tool-call id (exact), or text within the run's input.</summary>
    public string? Text { get; init; }
}
