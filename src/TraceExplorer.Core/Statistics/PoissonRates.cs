namespace TraceExplorer.Core.Statistics;

/// <summary>
/// Compares two event rates (calls of a tool per run) with the conditional binomial test: given the total count,
/// under equal rates B's share of it is binomial with B's share of the exposure. Normal approximation.
/// </summary>
public static class PoissonRates
{
    /// <summary>Below this many events in total the approximation is flagged as a small sample.</summary>
    public const int MinEvents = 10;

    /// <returns>The difference of the rates (B − A), z (positive when B's rate is higher) and the two-sided p-value.</returns>
    public static TestResult Test(long countA, long exposureA, long countB, long exposureB)
    {
        if (exposureA == 0 || exposureB == 0)
        {
            return new TestResult(double.NaN, double.NaN, 1, SmallSample: true);
        }

        var total = countA + countB;
        var shareB = (double)exposureB / (exposureA + exposureB);
        var variance = total * shareB * (1 - shareB);
        var z = variance == 0 ? 0 : (countB - (total * shareB)) / Math.Sqrt(variance);
        var difference = ((double)countB / exposureB) - ((double)countA / exposureA);
        return new TestResult(difference, z, NormalDistribution.TwoSidedP(z), SmallSample: total < MinEvents);
    }
}
