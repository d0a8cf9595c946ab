namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// When the symptom started: the hour its rate rose (see <see cref="Core.Explain.RateChangePoint"/>), the rates and
/// runs either side, and the first appearances of values nearest that hour, nearest first.
/// </summary>
public sealed record ExplainStart(
    DateTime Since,
    long RunsBefore,
    long SymptomRunsBefore,
    long RunsAfter,
    long SymptomRunsAfter,
    IReadOnlyList<FirstAppearance> NearestChanges)
{
    public double RateBefore => RunsBefore == 0 ? 0 : (double)SymptomRunsBefore / RunsBefore;

    public double RateAfter => RunsAfter == 0 ? 0 : (double)SymptomRunsAfter / RunsAfter;
}
