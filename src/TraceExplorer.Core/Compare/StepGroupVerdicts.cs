using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Core.Compare;

/// <summary>What the comparison says of each step group: its tests, which of them show B worse, and the order of the table.</summary>
public static class StepGroupVerdicts
{
    /// <summary>
    /// Tests latency, failure rate and calls per run of every group, and marks a test worse only when it is significant
    /// with all the groups' tests taken together (Holm). With too few runs on either side (<paramref name="enoughRuns"/>
    /// false) the tests are shown and nothing is claimed. Regressions first; then an agent step before the HTTP or
    /// database span inside it; then by the strength of the evidence, kind and name.
    /// </summary>
    public static IReadOnlyList<StepGroupComparison> Judge(IEnumerable<StepGroupSides> sides, long runsA, long runsB, bool enoughRuns)
    {
        var comparisons = sides.Select(g => new StepGroupComparison
        {
            Kind = g.Kind,
            Name = g.Name,
            A = g.A,
            B = g.B,
            Latency = g.Latency,
            Failures = TwoProportions.Test(g.A.Failures, g.A.Count, g.B.Failures, g.B.Count),
            Calls = PoissonRates.Test(g.A.Count, runsA, g.B.Count, runsB),
        })
        .ToList();

        var significant = enoughRuns ? MultipleComparisons.Significant(comparisons.SelectMany(g => new[] { g.Latency, g.Failures, g.Calls })) : new HashSet<TestResult>();
        return comparisons
            .Select(g => g with
            {
                LatencyWorse = g.Latency.Z > 0 && significant.Contains(g.Latency),
                FailuresWorse = g.Failures.Z > 0 && significant.Contains(g.Failures),
                CallsWorse = !g.IsNew && g.Calls.Z > 0 && significant.Contains(g.Calls),
            })
            .OrderByDescending(g => g.Regressed)
            .ThenByDescending(g => g.Kind != StepKind.Other)
            .ThenByDescending(g => g.Worsening)
            .ThenBy(g => g.Kind)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
    }
}
