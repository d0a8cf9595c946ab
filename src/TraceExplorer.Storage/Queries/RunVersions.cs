namespace TraceExplorer.Storage.Queries;

public sealed record RunVersions(string? PromptVersion, string? PolicyVersion, string? ToolContractVersion, string? RouteConfigVersion);
