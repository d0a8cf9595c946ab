namespace TraceExplorer.Storage.Queries;

/// <summary>A run an id identifies, and the step when the id names one (a tool call or a span).</summary>
public sealed record LookupMatch(string RunId, string MatchedBy, int? StepNumber);
