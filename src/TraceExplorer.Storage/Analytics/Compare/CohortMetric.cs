using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>One row of the side-by-side table: a metric in both cohorts and whether the difference is real.</summary>
/// <param name="Test">Null for counts that are not compared (the number of runs).</param>
/// <param name="HigherIsWorse">Which direction of change is a regression; null when neither is (fewer steps can mean runs that fail early).</param>
public sealed record CohortMetric(string Name, MetricUnit Unit, double A, double B, TestResult? Test, string TestName, bool? HigherIsWorse = true)
{
    public double Delta => B - A;

    /// <summary>Both cohorts have enough runs to test anything (<see cref="CohortRequest.MinRuns"/>); when false, nothing is claimed.</summary>
    public bool Testable { get; init; } = true;

    /// <summary>The test can't tell: too few runs, or a small sample of what it counts (validation steps).</summary>
    public bool NotTestable => Test is { } test && (!Testable || test.SmallSample);

    /// <summary>The difference holds up with all of the table's tests taken together (Holm, 5 %).</summary>
    public bool Significant { get; init; }

    /// <summary>B is significantly worse than A.</summary>
    public bool Regressed => Significant && HigherIsWorse is { } higherIsWorse && (higherIsWorse ? B > A : B < A);

    public bool Improved => Significant && HigherIsWorse is { } higherIsWorse && (higherIsWorse ? B < A : B > A);
}
