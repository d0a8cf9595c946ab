namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// What sets the symptom's runs apart: the run dimensions' values ranked by how much of the symptom they explain
/// (<see cref="Causes"/>), the step-level properties ranked the same way (<see cref="InTheRuns"/>: what happened in
/// them, which describes the symptom more than it causes it), pairs, the failure signature and when it started.
/// </summary>
public sealed record ExplainResult(
    long SymptomRuns,
    long BaselineRuns,
    long ScopeRuns,
    IReadOnlyList<ExplainValue> Causes,
    IReadOnlyList<ExplainValue> InTheRuns,
    IReadOnlyList<ExplainPair> Pairs,
    FailureSignature? Signature,
    ExplainStart? Start,
    IReadOnlyList<ExplainHour> Hours)
{
    /// <summary>The value that explains most of the symptom, if any is a cause.</summary>
    public ExplainValue? TopCause => Causes.FirstOrDefault(c => c.IsCause);
}
