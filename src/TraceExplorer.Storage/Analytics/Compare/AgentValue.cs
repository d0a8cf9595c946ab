namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>A value a dimension took within one agent's runs (<see cref="Agent"/> null for runs that name no agent).</summary>
public sealed record AgentValue(string? Agent, string Value, DateTime FirstSeen, DateTime LastSeen, long Runs);
