namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>A run of cohort A and one of B, of the same agent and route, to diff.</summary>
public sealed record RunPair(string A, string B);
