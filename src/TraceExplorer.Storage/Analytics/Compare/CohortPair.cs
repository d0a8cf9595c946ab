namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>The values to compare and the agent whose runs both cohorts are drawn from (null: every agent's).</summary>
public sealed record CohortPair(string? Agent, string A, string B);
