namespace TraceExplorer.Core.Model;

public enum DecisionKind
{
    Approval,
    PolicyBlock,
    Routing,
    Fallback,
    Audit,
}
