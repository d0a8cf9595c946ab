namespace TraceExplorer.Storage.Analytics.Compare;

public sealed record CohortComparison
{
    public required CompareDimension Dimension { get; init; }
    public required string A { get; init; }
    public required string B { get; init; }
    public DateTime? At { get; init; }
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

    /// <summary>A successful run of each cohort whose latency is closest to its cohort's median.</summary>
    public string? TypicalRunA { get; init; }

    public string? TypicalRunB { get; init; }
}
