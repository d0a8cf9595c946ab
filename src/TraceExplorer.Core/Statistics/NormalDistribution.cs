namespace TraceExplorer.Core.Statistics;

public static class NormalDistribution
{
    /// <summary>Φ(z), the standard normal CDF, from the Abramowitz–Stegun erf approximation (error below 1.5e-7).</summary>
    public static double Cdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /// <summary>The two-sided p-value of a z statistic.</summary>
    public static double TwoSidedP(double z) => 2 * (1 - Cdf(Math.Abs(z)));
}
