namespace TraceExplorer.SampleAgent;

/// <summary>A tool call the agent will make, with the result the simulated backend gives when it answers in time.</summary>
internal sealed record PlannedToolCall(string Name, string ArgumentsJson, string ResultJson);
