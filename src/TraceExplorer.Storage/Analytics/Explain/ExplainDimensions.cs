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
    public static bool IsVersion(ExplainDimension dimension) => Of(dimension)?.IsVersion == true;

    public static bool IsRunDimension(ExplainDimension dimension) => Of(dimension) is not null;

    /// <summary>The run dimension; null for step-level properties.</summary>
    public static RunDimension? Of(ExplainDimension dimension) => dimension switch
    {
        ExplainDimension.Agent => RunDimension.Agent,
        ExplainDimension.Route => RunDimension.Route,
        ExplainDimension.PromptVersion => RunDimension.PromptVersion,
        ExplainDimension.PolicyVersion => RunDimension.PolicyVersion,
        ExplainDimension.ToolContractVersion => RunDimension.ToolContractVersion,
        ExplainDimension.RouteConfigVersion => RunDimension.RouteConfigVersion,
        ExplainDimension.Model => RunDimension.Model,
        _ => null,
    };

    /// <summary>The runs column holding a run dimension (the models a run used, as their sorted list); null for step-level properties.</summary>
    public static string? RunColumn(ExplainDimension dimension) => Of(dimension)?.Column;

    public static string Name(ExplainDimension dimension) => Of(dimension)?.Name ?? dimension switch
    {
        ExplainDimension.FailedStep => "failed_step",
        ExplainDimension.ErrorType => "error_type",
        ExplainDimension.FailedAtStep => "failed_at_step",
        ExplainDimension.DecisionKind => "decision_kind",
        ExplainDimension.DecisionPolicy => "decision_policy",
        _ => "decision_target",
    };

    public static string Label(ExplainDimension dimension) => Of(dimension)?.Label ?? dimension switch
    {
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
    public static RunFilter? With(RunFilter filter, ExplainDimension dimension, string value) => Of(dimension) is { } run
        ? run.Narrow(filter, value)
        : dimension == ExplainDimension.DecisionKind && Enum.TryParse<Core.Model.DecisionKind>(value, out var kind) ? filter with { Decision = kind } : null;
}
