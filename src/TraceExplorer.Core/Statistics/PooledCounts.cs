namespace TraceExplorer.Core.Statistics;

/// <summary>How many values of sample A and of sample B equal <see cref="Value"/> (or fall in a bucket valued at it).</summary>
public readonly record struct PooledCount(double Value, long A, long B)
{
    public long Total => A + B;
}

/// <summary>
/// Two samples held as counts per value: the buckets of a histogram, or the distinct values of a count such as steps
/// per run. Percentiles and the Mann–Whitney test come from these few rows by the same definitions as from every
/// value (<see cref="Percentiles.Of"/>, <see cref="MannWhitney.Test"/>): exact when each value is its own row,
/// within a bucket's width when values are binned.
/// </summary>
public static class PooledCounts
{
    /// <summary>The counts merged by value and sorted by it; rows of one value (from several sources) are added.</summary>
    public static IReadOnlyList<PooledCount> Of(IEnumerable<PooledCount> counts) =>
        counts.GroupBy(c => c.Value)
            .Select(g => new PooledCount(g.Key, g.Sum(c => c.A), g.Sum(c => c.B)))
            .Where(c => c.Total > 0)
            .OrderBy(c => c.Value)
            .ToList();

    /// <summary>The size of sample B (<paramref name="ofB"/>) or A.</summary>
    public static long Count(IReadOnlyList<PooledCount> sorted, bool ofB) => sorted.Sum(c => Side(c, ofB));

    /// <summary>The mean of sample B or A; NaN when it is empty.</summary>
    public static double Mean(IReadOnlyList<PooledCount> sorted, bool ofB)
    {
        var count = Count(sorted, ofB);
        return count == 0 ? double.NaN : sorted.Sum(c => c.Value * Side(c, ofB)) / count;
    }

    /// <summary>The p-th percentile (0–100) of sample B or A, by <see cref="Percentiles.Of"/>'s definition; NaN when it is empty.</summary>
    public static double Percentile(IReadOnlyList<PooledCount> sorted, bool ofB, double percentile)
    {
        var count = Count(sorted, ofB);
        if (count == 0)
        {
            return double.NaN;
        }

        var position = Math.Clamp(percentile, 0, 100) / 100 * (count - 1);
        var lower = (long)Math.Floor(position);
        var upper = Math.Min(lower + 1, count - 1);
        var low = ValueAtRank(sorted, ofB, lower);
        return low + ((position - lower) * (ValueAtRank(sorted, ofB, upper) - low));
    }

    /// <summary>
    /// The Mann–Whitney test of B against A (z &gt; 0 when B's values are larger): each value's rows share the mean of
    /// the ranks the pooled values give them, and each value is one tie group.
    /// </summary>
    public static TestResult RankTest(IReadOnlyList<PooledCount> sorted)
    {
        double below = 0, rankSumB = 0, tieTerm = 0;
        foreach (var count in sorted)
        {
            double tied = count.Total;
            rankSumB += count.B * (below + ((tied + 1) / 2));
            tieTerm += tied * ((tied * tied) - 1);
            below += tied;
        }

        return MannWhitney.FromRankSum(Count(sorted, ofB: true), Count(sorted, ofB: false), rankSumB, tieTerm);
    }

    private static double ValueAtRank(IReadOnlyList<PooledCount> sorted, bool ofB, long rank)
    {
        long seen = 0;
        foreach (var count in sorted)
        {
            seen += Side(count, ofB);
            if (rank < seen)
            {
                return count.Value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(rank), rank, "The rank is past the sample's end.");
    }

    private static long Side(PooledCount count, bool ofB) => ofB ? count.B : count.A;
}
