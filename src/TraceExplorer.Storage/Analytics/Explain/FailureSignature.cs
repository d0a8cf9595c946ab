namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// The most common way the symptom's runs failed: the step that failed first (its number, group and error type) and
/// how long it took on average, in how many of the symptom's runs.
/// </summary>
public sealed record FailureSignature(int StepNumber, string Step, string? ErrorType, double MeanDurationMs, long Runs, double Share);
