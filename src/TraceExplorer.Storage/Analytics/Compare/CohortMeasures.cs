namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>One cohort's run figures (see <see cref="CohortRunCounts"/>).</summary>
internal sealed record CohortMeasures
{
    public static readonly CohortMeasures Empty = new()
    {
        MeanSteps = double.NaN,
        MeanToolCalls = double.NaN,
        MeanTokens = double.NaN,
        P50Ms = double.NaN,
        P95Ms = double.NaN,
        P99Ms = double.NaN,
    };

    public long Runs { get; init; }
    public long Failed { get; init; }
    public double MeanSteps { get; init; }
    public double MeanToolCalls { get; init; }
    public double MeanTokens { get; init; }
    public double P50Ms { get; init; }
    public double P95Ms { get; init; }
    public double P99Ms { get; init; }

    public long PolicyBlocked { get; init; }
    public long FellBack { get; init; }
    public long Complained { get; init; }
}
