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
}
