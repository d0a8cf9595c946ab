namespace TraceExplorer.Otlp.Conventions;

/// <summary>A tool offered to a model: its name, what it says it does, and the JSON schema of its parameters.</summary>
public sealed record ToolDefinition(string Name, string? Description, string? Parameters);
