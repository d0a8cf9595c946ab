namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>A run that repeated a tool: how often with the same arguments, the time beyond the fastest call, and the steps that did it.</summary>
public sealed record RepeatedCallRun(string RunId, string Tool, string ArgumentsHash, long Calls, double TimeInRepeatsMs, IReadOnlyList<int> StepNumbers);
