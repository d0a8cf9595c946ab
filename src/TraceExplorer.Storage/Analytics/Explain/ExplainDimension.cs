namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// What a run can have in common with other runs: its run dimensions (the first seven, columns of the runs table) and
/// what happened in it (the step that failed first, its error, its step number, the decisions taken).
/// </summary>
public enum ExplainDimension
{
    Agent,
    Route,
    PromptVersion,
    PolicyVersion,
    ToolContractVersion,
    RouteConfigVersion,
    Model,
    FailedStep,
    ErrorType,
    FailedAtStep,
    DecisionKind,
    DecisionPolicy,
    DecisionTarget,
}
