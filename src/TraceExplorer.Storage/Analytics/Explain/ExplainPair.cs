namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>Two values together that set the symptom apart more than either does alone (a route, only under one policy version).</summary>
public sealed record ExplainPair(
    ExplainKey First,
    ExplainKey Second,
    long SymptomRuns,
    long BaselineRuns,
    double SymptomShare,
    double BaselineShare,
    double Lift,
    double Explains,
    double P);
