using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// The runs a user names as bad: the runs list's filters (a status, a time window, a version, runs slower than the SLO
/// through <see cref="RunFilter.MinDurationMs"/>, and what happened in the runs: a failed or slow step, a repeated tool,
/// a complaint, a decision). The runs list shows the same runs for the same filter.
/// </summary>
public sealed record ExplainSymptom
{
    public RunFilter Filter { get; init; } = new();

    /// <summary>The same agents in the same window: where the default baseline is taken from.</summary>
    public RunFilter Scope => new() { From = Filter.From, To = Filter.To, Agent = Filter.Agent };
}
