namespace TraceExplorer.Core.Statistics;

/// <summary>
/// The Mann–Whitney U test for whether one sample tends to have larger values (latencies) than another, with no
/// assumption about their distribution: normal approximation with tie and continuity corrections.
/// </summary>
public static class MannWhitney
{
    /// <summary>Below this many observations in either sample the normal approximation is flagged as a small sample.</summary>
    public const int MinSampleSize = 20;

    /// <returns>U of sample <paramref name="a"/>, z and the two-sided p-value.</returns>
    public static TestResult Test(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n1 = a.Count, n2 = b.Count;
        if (n1 == 0 || n2 == 0)
        {
            return new TestResult(double.NaN, double.NaN, 1, SmallSample: true);
        }

        var pooled = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false))).OrderBy(x => x.Value).ToList();
        var ranksOfA = 0.0;
        var tieTerm = 0.0;
        for (var i = 0; i < pooled.Count;)
        {
            var j = i;
            while (j + 1 < pooled.Count && pooled[j + 1].Value == pooled[i].Value)
            {
                j++;
            }

            // Tied values share the mean of the ranks they span (ranks are 1-based).
            var rank = ((i + 1) + (j + 1)) / 2.0;
            var tied = j - i + 1;
            tieTerm += (Math.Pow(tied, 3) - tied);
            for (var k = i; k <= j; k++)
            {
                ranksOfA += pooled[k].FromA ? rank : 0;
            }

            i = j + 1;
        }

        return FromRankSum(n1, n2, ranksOfA, tieTerm);
    }

    /// <summary>
    /// The test from what a database can compute with window functions: the sizes, the rank sum of sample a (ties
    /// given their mean rank) and the tie term Σ(t³ − t) over groups of t tied values.
    /// </summary>
    public static TestResult FromRankSum(long n1, long n2, double ranksOfA, double tieTerm)
    {
        if (n1 == 0 || n2 == 0)
        {
            return new TestResult(double.NaN, double.NaN, 1, SmallSample: true);
        }

        var u = ranksOfA - (n1 * (n1 + 1) / 2.0);
        var mean = n1 * n2 / 2.0;
        var n = (double)(n1 + n2);
        var variance = n1 * n2 / 12.0 * ((n + 1) - (tieTerm / (n * (n - 1.0))));
        var z = variance <= 0 ? 0 : (u - mean - (Math.Sign(u - mean) * 0.5)) / Math.Sqrt(variance);
        return new TestResult(u, z, NormalDistribution.TwoSidedP(z), SmallSample: n1 < MinSampleSize || n2 < MinSampleSize);
    }
}
