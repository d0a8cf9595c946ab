using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>The side-by-side table: each metric of both cohorts with the test that fits it.</summary>
internal static class CohortMetrics
{
    private const string RankTest = "Mann–Whitney U";
    private const string ProportionTest = "two-proportion z";

    /// <param name="enoughRuns">Both cohorts have the minimum number of runs; without it no metric is testable.</param>
    public static IReadOnlyList<CohortMetric> From(CohortRunCounts runs, (long Steps, long Failed) validationA, (long Steps, long Failed) validationB, bool enoughRuns)
    {
        CohortMeasures a = runs.Measures(0), b = runs.Measures(1);

        CohortMetric Rate(string name, long countA, long totalA, long countB, long totalB) =>
            new(name, MetricUnit.Rate, Ratio(countA, totalA), Ratio(countB, totalB), TwoProportions.Test(countA, totalA, countB, totalB), ProportionTest);

        // Ranked as B against A, so that z > 0 means B's values are larger.
        var latency = PooledCounts.RankTest(runs.Durations);
        List<CohortMetric> metrics =
        [
            new("Runs", MetricUnit.Count, a.Runs, b.Runs, null, "", HigherIsWorse: null),
            new("p50 latency", MetricUnit.Milliseconds, a.P50Ms, b.P50Ms, latency, RankTest),
            new("p95 latency", MetricUnit.Milliseconds, a.P95Ms, b.P95Ms, latency, RankTest),
            Rate("Error rate", a.Failed, a.Runs, b.Failed, b.Runs),
            new("Steps per run", MetricUnit.PerRun, a.MeanSteps, b.MeanSteps, PooledCounts.RankTest(runs.Steps), RankTest, HigherIsWorse: null),
            new("Tool calls per run", MetricUnit.PerRun, a.MeanToolCalls, b.MeanToolCalls, PooledCounts.RankTest(runs.ToolCalls), RankTest, HigherIsWorse: null),
            new("Tokens per run", MetricUnit.PerRun, a.MeanTokens, b.MeanTokens, PooledCounts.RankTest(runs.Tokens), RankTest, HigherIsWorse: null),
            Rate("Validation failure rate", validationA.Failed, validationA.Steps, validationB.Failed, validationB.Steps),
            Rate("Policy-block rate", a.PolicyBlocked, a.Runs, b.PolicyBlocked, b.Runs),
            Rate("Fallback rate", a.FellBack, a.Runs, b.FellBack, b.Runs),
            Rate("Complaint rate", a.Complained, a.Runs, b.Complained, b.Runs),
        ];
        var significant = MultipleComparisons.Significant(metrics.Select(m => m.Test));
        return metrics.Select(m => m with
        {
            Testable = enoughRuns,
            Significant = enoughRuns && m.Test is { } test && significant.Contains(test),
        }).ToList();
    }

    private static double Ratio(long count, long total) => total == 0 ? double.NaN : (double)count / total;
}
