using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Core.Compare;

/// <summary>One duration bucket of a step group in one cohort: its steps, failures, total and longest duration.</summary>
public sealed record StepGroupBucket(StepKind Kind, string Name, int Cohort, double ValueMs, long Steps, long Failures, double TotalMs, double MaxMs);

/// <summary>
/// A step group in one cohort, read exactly from its steps: count, failures, total, percentiles, and the group's
/// rank sum and tie term from ranking both cohorts' durations together.
/// </summary>
public sealed record StepGroupExact(StepKind Kind, string Name, int Cohort, long Steps, long Failures, double TotalMs, double P50Ms, double P95Ms, double RankSum, double TieTerm);

/// <summary>A step group's figures in both cohorts and the rank test of B's durations against A's.</summary>
public sealed record StepGroupSides(StepKind Kind, string Name, StepGroupStats A, StepGroupStats B, TestResult Latency)
{
    /// <summary>The step groups from their exact figures; the rank test ranks B's durations against A's, so z &gt; 0 means B's steps are slower.</summary>
    public static IReadOnlyList<StepGroupSides> FromExact(IEnumerable<StepGroupExact> rows, long runsA, long runsB) =>
        rows.GroupBy(r => (r.Kind, r.Name)).Select(group =>
        {
            var inA = group.FirstOrDefault(r => r.Cohort == 0);
            var inB = group.FirstOrDefault(r => r.Cohort == 1);
            StepGroupStats Side(StepGroupExact? side, long runs) => side is null
                ? StepGroupStats.None
                : new StepGroupStats(side.Steps, side.Failures, side.P50Ms, side.P95Ms, side.TotalMs, StepGroupStats.PerRun(side.Steps, runs));
            var a = Side(inA, runsA);
            var b = Side(inB, runsB);
            var latency = MannWhitney.FromRankSum(b.Count, a.Count, inB?.RankSum ?? 0, (inA?.TieTerm ?? 0) + (inB?.TieTerm ?? 0));
            return new StepGroupSides(group.Key.Kind, group.Key.Name, a, b, latency);
        }).ToList();

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
                    StepGroupStats.PerRun(steps, runs));
            }

            return new StepGroupSides(group.Key.Kind, group.Key.Name, Side(0, runsA), Side(1, runsB), PooledCounts.RankTest(counts));
        }).ToList();
}
