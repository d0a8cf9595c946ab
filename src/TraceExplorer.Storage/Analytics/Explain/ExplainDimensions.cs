using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>The explain dimensions' names in the API, their labels, and the runs column and filter of each run dimension.</summary>
public static class ExplainDimensions
{
    /// <summary>The run dimensions, in the order of their columns in the explain query; a tie in ranking goes to the earlier.</summary>
    public static readonly IReadOnlyList<ExplainDimension> Run =
    [
        ExplainDimension.PromptVersion, ExplainDimension.PolicyVersion, ExplainDimension.ToolContractVersion, ExplainDimension.RouteConfigVersion,
        ExplainDimension.Route, ExplainDimension.Model, ExplainDimension.Agent,
    ];

    /// <summary>The versions: the dimensions that change by a deployment, the ones "when it started" looks for.</summary>
    public static bool IsVersion(ExplainDimension dimension) => dimension is ExplainDimension.PromptVersion or ExplainDimension.PolicyVersion
        or ExplainDimension.ToolContractVersion or ExplainDimension.RouteConfigVersion;

    public static bool IsRunDimension(ExplainDimension dimension) => RunColumn(dimension) is not null;

    /// <summary>The runs column holding a run dimension (the models a run used, as their sorted list); null for step-level properties.</summary>
    public static string? RunColumn(ExplainDimension dimension) => dimension switch
    {
        ExplainDimension.Agent => "AgentName",
        ExplainDimension.Route => "Route",
        ExplainDimension.PromptVersion => "PromptVersion",
        ExplainDimension.PolicyVersion => "PolicyVersion",
        ExplainDimension.ToolContractVersion => "ToolContractVersion",
        ExplainDimension.RouteConfigVersion => "RouteConfigVersion",
        ExplainDimension.Model => "Models",
        _ => null,
    };

    public static string Name(ExplainDimension dimension) => dimension switch
    {
        ExplainDimension.Agent => "agent",
        ExplainDimension.Route => "route",
        ExplainDimension.PromptVersion => "prompt_version",
        ExplainDimension.PolicyVersion => "policy_version",
        ExplainDimension.ToolContractVersion => "tool_contract_version",
        ExplainDimension.RouteConfigVersion => "route_config_version",
        ExplainDimension.Model => "model",
        ExplainDimension.FailedStep => "failed_step",
        ExplainDimension.ErrorType => "error_type",
        ExplainDimension.FailedAtStep => "failed_at_step",
        ExplainDimension.DecisionKind => "decision_kind",
        ExplainDimension.DecisionPolicy => "decision_policy",
        _ => "decision_target",
    };

    public static string Label(ExplainDimension dimension) => dimension switch
    {
        ExplainDimension.Agent => "Agent",
        ExplainDimension.Route => "Route",
        ExplainDimension.PromptVersion => "Prompt version",
        ExplainDimension.PolicyVersion => "Policy version",
        ExplainDimension.ToolContractVersion => "Tool contract version",
        ExplainDimension.RouteConfigVersion => "Route config version",
        ExplainDimension.Model => "Model",
        ExplainDimension.FailedStep => "Failed first",
        ExplainDimension.ErrorType => "Error type",
        ExplainDimension.FailedAtStep => "Failed at step",
        ExplainDimension.DecisionKind => "Decision",
        ExplainDimension.DecisionPolicy => "Decision policy",
        _ => "Decision target",
    };

    /// <summary>
    /// The filter narrowed to the runs carrying a value; null for a step-level property the runs filter cannot name
    /// exactly (the step that failed first, its error, its number, a decision's policy or target).
    /// </summary>
    public static RunFilter? With(RunFilter filter, ExplainDimension dimension, string value) => dimension switch
    {
        ExplainDimension.Agent => filter with { Agent = value },
        ExplainDimension.Route => filter with { Route = value },
        ExplainDimension.PromptVersion => filter with { PromptVersion = value },
        ExplainDimension.PolicyVersion => filter with { PolicyVersion = value },
        ExplainDimension.ToolContractVersion => filter with { ToolContractVersion = value },
        ExplainDimension.RouteConfigVersion => filter with { RouteConfigVersion = value },
        ExplainDimension.Model => filter with { Model = value },
        ExplainDimension.DecisionKind when Enum.TryParse<Core.Model.DecisionKind>(value, out var kind) => filter with { Decision = kind },
        _ => null,
    };
}
