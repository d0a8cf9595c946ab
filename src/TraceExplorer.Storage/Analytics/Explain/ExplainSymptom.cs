using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// The runs a user names as bad: the runs list's filters (a status, a time window, a version, runs slower than the SLO
/// through <see cref="RunFilter.MinDurationMs"/>), narrowed by what happened in them. Set fields combine with AND.
/// </summary>
public sealed record ExplainSymptom
{
    public RunFilter Filter { get; init; } = new();

    /// <summary>Runs in which a step of this group (a tool, a model, a validation schema or a step name; see <see cref="StepGroup"/>) failed.</summary>
    public string? FailedStep { get; init; }

    /// <summary>Runs in which a step of this group took longer than <see cref="SlowerThanMs"/>.</summary>
    public string? SlowStep { get; init; }

    public double? SlowerThanMs { get; init; }

    /// <summary>Runs that called this tool with identical arguments twice or more.</summary>
    public string? RepeatedTool { get; init; }

    /// <summary>Runs with at least one complaint.</summary>
    public bool WithComplaints { get; init; }

    /// <summary>Runs with a decision of this kind.</summary>
    public DecisionKind? Decision { get; init; }

    /// <summary>The same agents in the same window: where the default baseline is taken from.</summary>
    public RunFilter Scope => new() { From = Filter.From, To = Filter.To, Agent = Filter.Agent };
}
