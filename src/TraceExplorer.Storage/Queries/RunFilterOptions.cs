namespace TraceExplorer.Storage.Queries;

/// <summary>The distinct values the runs list offers in its filter menus.</summary>
public sealed record RunFilterOptions(
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> PromptVersions,
    IReadOnlyList<string> PolicyVersions,
    IReadOnlyList<string> ToolContractVersions,
    IReadOnlyList<string> RouteConfigVersions,
    IReadOnlyList<string> Models);
