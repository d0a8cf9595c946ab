using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>One duration bucket of a step group in one cohort: its steps, failures, total and longest duration.</summary>
internal sealed record StepGroupBucket(StepKind Kind, string Name, int Cohort, double ValueMs, long Steps, long Failures, double TotalMs, double MaxMs);

/// <summary>A step group's figures in both cohorts and the rank test of B's durations against A's.</summary>
internal sealed record StepGroupSides(StepKind Kind, string Name, StepGroupStats A, StepGroupStats B, TestResult Latency)
{
    /// <summary>
    /// The step groups from their duration histograms: counts, failures and totals exact; percentiles within a
    /// bucket's width, never above the longest step; the rank test ranks the buckets, each a tie of its steps.
    /// </summary>
    public static IReadOnlyList<StepGroupSides> FromBuckets(IEnumerable<StepGroupBucket> buckets, long runsA, long runsB) =>
        buckets.GroupBy(b => (b.Kind, b.Name)).Select(group =>
        {
            var counts = PooledCounts.Of(group.Select(b => b.Cohort == 0 ? new PooledCount(b.ValueMs, b.Steps, 0) : new PooledCount(b.ValueMs, 0, b.Steps)));
            StepGroupStats Side(int cohort, long runs)
            {
                var side = group.Where(b => b.Cohort == cohort).ToList();
                if (side.Count == 0)
                {
                    return StepGroupStats.None;
                }

                var longest = side.Max(b => b.MaxMs);
                double AtMostLongest(double percentile) => Math.Min(PooledCounts.Percentile(counts, ofB: cohort == 1, percentile), longest);
                var steps = side.Sum(b => b.Steps);
                return new StepGroupStats(steps, side.Sum(b => b.Failures), AtMostLongest(50), AtMostLongest(95), side.Sum(b => b.TotalMs),
                    CohortComparisonQueries.PerRun(steps, runs));
            }

            return new StepGroupSides(group.Key.Kind, group.Key.Name, Side(0, runsA), Side(1, runsB), PooledCounts.RankTest(counts));
        }).ToList();
}
