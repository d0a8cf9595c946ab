namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// One value, symptom against baseline: how many runs of each side carry it, their shares, the lift, the share of the
/// symptom it explains and its test (p-value, and Holm-adjusted over every value tested).
/// </summary>
/// <param name="ExplainedBy">A higher-ranked value that accounts for this one: without it, this one sets nothing apart.</param>
/// <param name="FirstSeen">When a run of the same agents first carried the value (run dimensions only).</param>
public sealed record ExplainValue(
    ExplainDimension Dimension,
    string Value,
    long SymptomRuns,
    long BaselineRuns,
    double SymptomShare,
    double BaselineShare,
    double Lift,
    double Explains,
    double P,
    double AdjustedP,
    bool Significant,
    string? ExplainedBy = null,
    DateTime? FirstSeen = null)
{
    public ExplainKey Key => new(Dimension, Value);

    /// <summary>More common among the symptom's runs, significantly so as a family, and not accounted for by another value.</summary>
    public bool IsCause => Significant && ExplainedBy is null;
}
