namespace TraceExplorer.Core.Statistics;

/// <summary>
/// Fisher's exact test on a 2×2 table (successes and failures of two groups): the p-value the two-proportion test
/// falls back to when its normal approximation does not hold, such as a failure mode that A never showed.
/// </summary>
public static class FisherExact
{
    /// <summary>The two-sided p-value: the probability, with the margins fixed, of a table no more likely than the one observed.</summary>
    public static double TwoSidedP(long successesA, long totalA, long successesB, long totalB)
    {
        var successes = successesA + successesB;
        var low = Math.Max(0, successes - totalB);
        var high = Math.Min(successes, totalA);

        // Hypergeometric log-probabilities of A's count, up to a constant, through the ratio of neighbours:
        // P(x + 1) / P(x) = (totalA − x)(successes − x) / ((x + 1)(totalB − successes + x + 1)).
        var logs = new double[high - low + 1];
        for (var x = low; x < high; x++)
        {
            var ratio = (double)(totalA - x) * (successes - x) / ((x + 1.0) * (totalB - successes + x + 1));
            logs[x - low + 1] = logs[x - low] + Math.Log(ratio);
        }

        var max = logs.Max();
        var total = logs.Sum(l => Math.Exp(l - max));
        var observed = logs[successesA - low];
        var extreme = logs.Where(l => l <= observed + 1e-7).Sum(l => Math.Exp(l - max));
        return Math.Min(1, extreme / total);
    }
}
