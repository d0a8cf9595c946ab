namespace TraceExplorer.Core.Model;

/// <summary>The span taxonomy of an agent run: agent.plan, agent.retrieve, agent.model, agent.tool, agent.validate.</summary>
public enum StepKind
{
    Other,
    Plan,
    Retrieve,
    Model,
    Tool,
    Validate,

    /// <summary>
    /// A framework's wiring with no data of its own (LangGraph's __start__, channel writes, runnable wrappers): stored,
    /// folded into its parent in the waterfall and left out of the run's step count.
    /// </summary>
    Plumbing,
}
