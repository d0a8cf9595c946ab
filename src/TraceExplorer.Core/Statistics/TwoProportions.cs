namespace TraceExplorer.Core.Statistics;

/// <summary>
/// The pooled two-proportion z-test, for rates such as error rate or policy-block rate between two cohorts. When an
/// expected count is below five the normal approximation fails, and the p-value is Fisher's exact test's instead.
/// </summary>
public static class TwoProportions
{
    /// <summary>Below this many observations in either group a difference is flagged as a small sample.</summary>
    public const int MinSampleSize = 20;

    /// <returns>The difference of the rates (B − A), z and the two-sided p-value.</returns>
    public static TestResult Test(long successesA, long totalA, long successesB, long totalB)
    {
        if (totalA == 0 || totalB == 0)
        {
            return new TestResult(double.NaN, double.NaN, 1, SmallSample: true);
        }

        var (pA, pB) = ((double)successesA / totalA, (double)successesB / totalB);
        var pooled = (double)(successesA + successesB) / (totalA + totalB);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / totalA) + (1.0 / totalB)));
        var z = standardError == 0 ? 0 : (pB - pA) / standardError;

        var expectedCounts = new[] { totalA * pooled, totalA * (1 - pooled), totalB * pooled, totalB * (1 - pooled) };
        var p = expectedCounts.Any(count => count < 5)
            ? FisherExact.TwoSidedP(successesA, totalA, successesB, totalB)
            : NormalDistribution.TwoSidedP(z);
        return new TestResult(pB - pA, z, p, SmallSample: totalA < MinSampleSize || totalB < MinSampleSize);
    }
}
