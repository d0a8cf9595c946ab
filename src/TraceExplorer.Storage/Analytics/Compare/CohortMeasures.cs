namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>What the database computed for one cohort's runs.</summary>
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

    /// <summary>Rank sums within the pooled cohorts of duration, steps, tool calls and tokens, in that order.</summary>
    public double[] RankSums { get; init; } = [0, 0, 0, 0];

    /// <summary>This cohort's rows' share of each pooled tie term, in the order of <see cref="RankSums"/>.</summary>
    public double[] TieTerms { get; init; } = [0, 0, 0, 0];

    public long PolicyBlocked { get; init; }
    public long FellBack { get; init; }
    public long Complained { get; init; }
}
