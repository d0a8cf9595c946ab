using TraceExplorer.Core.Model;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Core.Compare;

/// <summary>One step group (steps of one kind and name) in both cohorts, with its tests and verdicts.</summary>
public sealed record StepGroupComparison
{
    public required StepKind Kind { get; init; }
    public required string Name { get; init; }
    public required StepGroupStats A { get; init; }
    public required StepGroupStats B { get; init; }

    /// <summary>Latency, B against A: z is positive when B's steps take longer.</summary>
    public required TestResult Latency { get; init; }

    /// <summary>Failure rate (errors and failed validations), B − A.</summary>
    public required TestResult Failures { get; init; }

    /// <summary>Calls per run, B − A.</summary>
    public required TestResult Calls { get; init; }

    /// <summary>B's steps are slower, significantly with all the groups' tests taken together (Holm, 5 %).</summary>
    public bool LatencyWorse { get; init; }

    public bool FailuresWorse { get; init; }

    /// <summary>B calls this step more often per run (repeats, loops); never set for a step only B ran.</summary>
    public bool CallsWorse { get; init; }

    public bool Regressed => LatencyWorse || FailuresWorse || CallsWorse;

    /// <summary>Only B ran this step: a changed path rather than a regression of the step.</summary>
    public bool IsNew => A.Count == 0 && B.Count > 0;

    public bool IsGone => B.Count == 0 && A.Count > 0;

    /// <summary>
    /// How strongly the evidence says B got worse: the largest z, in the worse direction, of the tests that are not
    /// small samples. The table is ordered by it, so the step that regressed is at the top. More calls per run count
    /// only for a step A also ran (repeats and loops; a step only B ran is a changed path, not a repeat).
    /// </summary>
    public double Worsening => (IsNew ? new[] { Latency, Failures } : [Latency, Failures, Calls]).Where(t => !t.SmallSample && !double.IsNaN(t.Z)).Select(t => t.Z).DefaultIfEmpty(0).Max();
}
