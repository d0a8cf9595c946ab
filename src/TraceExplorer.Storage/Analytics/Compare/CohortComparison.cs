using TraceExplorer.Core.Compare;

namespace TraceExplorer.Storage.Analytics.Compare;

public sealed record CohortComparison
{
    public required CompareDimension Dimension { get; init; }
    public required string A { get; init; }
    public required string B { get; init; }
    public DateTime? At { get; init; }

    /// <summary>The agent both cohorts are drawn from; null when the comparison spans agents.</summary>
    public string? Agent { get; init; }

    /// <summary>The agents of A's runs and of B's, by name.</summary>
    public IReadOnlyList<string> AgentsA { get; init; } = [];

    public IReadOnlyList<string> AgentsB { get; init; } = [];

    /// <summary>
    /// A's runs and B's are of different agents (only when a and b are asked for): the differences may be the agents',
    /// not the values'. Cohorts of the same agents (before and after an instant over every agent) are not flagged.
    /// </summary>
    public bool CrossAgent => AgentsA.Count > 0 && AgentsB.Count > 0 && !AgentsA.Order(StringComparer.Ordinal).SequenceEqual(AgentsB.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The fewest runs either side needs for anything to be tested.</summary>
    public int MinRuns { get; init; } = CohortRequest.DefaultMinRuns;

    /// <summary>Both sides have at least <see cref="MinRuns"/> runs; otherwise no metric is testable and the verdict says so.</summary>
    public bool EnoughRuns => RunsA >= MinRuns && RunsB >= MinRuns;
    public required long RunsA { get; init; }
    public required long RunsB { get; init; }
    public required IReadOnlyList<CohortMetric> Metrics { get; init; }

    /// <summary>Worst first: the group whose regression has the strongest evidence leads.</summary>
    public required IReadOnlyList<StepGroupComparison> StepGroups { get; init; }

    /// <summary>
    /// The step groups were read from the rolled-up duration histograms: their percentiles are within 1 % and their
    /// latency tests rank durations binned 2 % wide; counts, failures and calls per run are exact.
    /// </summary>
    public bool StepGroupsEstimated { get; init; }

    public required IReadOnlyList<DistributionBin> Distribution { get; init; }

    /// <summary>
    /// The agent and route the typical runs share: the one with the most successful runs on both sides. Typical runs
    /// of different agents or routes differ in every step, which says nothing about the change.
    /// </summary>
    public string? TypicalAgent { get; init; }

    public string? TypicalRoute { get; init; }

    /// <summary>
    /// A successful run of each cohort, of <see cref="TypicalAgent"/> and <see cref="TypicalRoute"/>, whose latency is
    /// nearest the median of those runs; both null when no agent and route has successful runs on both sides.
    /// </summary>
    public string? TypicalRunA { get; init; }

    public string? TypicalRunB { get; init; }
}
