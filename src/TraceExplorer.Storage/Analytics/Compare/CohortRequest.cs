using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// Two cohorts of runs: those whose <see cref="Dimension"/> is <see cref="A"/> against those where it is
/// <see cref="B"/>, within <see cref="Filter"/>. For <see cref="CompareDimension.Time"/>, A is the filter's time
/// range before <see cref="At"/> and B the range from it.
/// </summary>
/// <remarks>
/// Unless <see cref="WholeRange"/> is set or the filter has a time range, the comparison is limited to a window
/// around the change (when B was first seen, or <see cref="At"/>): comparing versions over all time would mix in
/// every other change made meanwhile.
/// </remarks>
public sealed record CohortRequest
{
    /// <summary>Below this many runs on either side, a comparison claims nothing (configurable as <c>Reports:CompareMinRuns</c>).</summary>
    public const int DefaultMinRuns = 20;

    public required CompareDimension Dimension { get; init; }
    public string? A { get; init; }
    public string? B { get; init; }
    public DateTime? At { get; init; }
    public RunFilter Filter { get; init; } = new();
    public bool WholeRange { get; init; }

    /// <summary>The fewest runs either cohort needs for any metric to be tested.</summary>
    public int MinRuns { get; init; } = DefaultMinRuns;
}
