namespace TraceExplorer.Core.Statistics;

/// <summary>The pooled two-proportion z-test, for rates such as error rate or policy-block rate between two cohorts.</summary>
public static class TwoProportions
{
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

        // The normal approximation wants at least five successes and five failures in each group.
        var small = new[] { successesA, totalA - successesA, successesB, totalB - successesB }.Any(count => count < 5);
        return new TestResult(pB - pA, z, NormalDistribution.TwoSidedP(z), small);
    }
}
