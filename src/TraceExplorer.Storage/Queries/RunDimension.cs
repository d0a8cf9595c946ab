using System.Linq.Expressions;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

/// <summary>
/// A property of a run that runs are filtered, compared, grouped and explained by: its agent, route, the four versions,
/// or the models it used. Each entry holds every name the dimension goes by and where its value is kept, so the filter's
/// LINQ and SQL, the rollups, comparison, the latency report and explain all loop over <see cref="All"/>.
/// </summary>
public sealed record RunDimension
{
    /// <summary>Its name in the compare and explain APIs and in the rollups: prompt_version.</summary>
    public required string Name { get; init; }

    /// <summary>Its parameter in the runs filter, in URLs and the API: promptVersion.</summary>
    public required string FilterName { get; init; }

    public required string Label { get; init; }

    /// <summary>The runs column holding the value.</summary>
    public required string Column { get; init; }

    /// <summary>The value on a run, for LINQ over the runs table.</summary>
    public required Expression<Func<Run, string?>> Value { get; init; }

    /// <summary>The value the runs filter asks for, if any.</summary>
    public required Func<RunFilter, string?> Filter { get; init; }

    /// <summary>The runs filter narrowed to the runs with a value.</summary>
    public required Func<RunFilter, string, RunFilter> Narrow { get; init; }

    /// <summary>Changes by a deployment: the dimensions the change timeline and "when it started" look at.</summary>
    public bool IsVersion { get; init; }

    /// <summary>The column holds a sorted list of values (the models a run used), matched by member, not equality.</summary>
    public bool IsList { get; init; }

    public static readonly RunDimension Agent = new()
    {
        Name = "agent", FilterName = "agent", Label = "Agent", Column = nameof(Run.AgentName), Value = r => r.AgentName, Filter = f => f.Agent, Narrow = (f, v) => f with { Agent = v },
    };

    public static readonly RunDimension Route = new()
    {
        Name = "route", FilterName = "route", Label = "Route", Column = nameof(Run.Route), Value = r => r.Route, Filter = f => f.Route, Narrow = (f, v) => f with { Route = v },
    };

    public static readonly RunDimension PromptVersion = new()
    {
        Name = "prompt_version", FilterName = "promptVersion", Label = "Prompt version", Column = nameof(Run.PromptVersion),
        Value = r => r.PromptVersion, Filter = f => f.PromptVersion, Narrow = (f, v) => f with { PromptVersion = v }, IsVersion = true,
    };

    public static readonly RunDimension PolicyVersion = new()
    {
        Name = "policy_version", FilterName = "policyVersion", Label = "Policy version", Column = nameof(Run.PolicyVersion),
        Value = r => r.PolicyVersion, Filter = f => f.PolicyVersion, Narrow = (f, v) => f with { PolicyVersion = v }, IsVersion = true,
    };

    public static readonly RunDimension ToolContractVersion = new()
    {
        Name = "tool_contract_version", FilterName = "toolContractVersion", Label = "Tool contract version", Column = nameof(Run.ToolContractVersion),
        Value = r => r.ToolContractVersion, Filter = f => f.ToolContractVersion, Narrow = (f, v) => f with { ToolContractVersion = v }, IsVersion = true,
    };

    public static readonly RunDimension RouteConfigVersion = new()
    {
        Name = "route_config_version", FilterName = "routeConfigVersion", Label = "Route config version", Column = nameof(Run.RouteConfigVersion),
        Value = r => r.RouteConfigVersion, Filter = f => f.RouteConfigVersion, Narrow = (f, v) => f with { RouteConfigVersion = v }, IsVersion = true,
    };

    public static readonly RunDimension Model = new()
    {
        Name = "model", FilterName = "model", Label = "Model", Column = nameof(Run.Models), Value = r => r.Models, Filter = f => f.Model, Narrow = (f, v) => f with { Model = v }, IsList = true,
    };

    /// <summary>Every run dimension, in the order of the rollups' columns.</summary>
    public static readonly IReadOnlyList<RunDimension> All = [Agent, Route, PromptVersion, PolicyVersion, ToolContractVersion, RouteConfigVersion, Model];

    public static readonly IReadOnlyList<RunDimension> Versions = [.. All.Where(d => d.IsVersion)];

    /// <summary>By its API name (prompt_version) or its filter name (promptVersion), in any case.</summary>
    public static RunDimension? Find(string? text) => All.FirstOrDefault(d =>
        string.Equals(d.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(d.FilterName, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
