namespace TraceExplorer.Benchmarks;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile: the smallest value with at least p% of the values at or below it.</summary>
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
