using TraceExplorer.Core.Model;

namespace TraceExplorer.Otlp.Conventions;

public static class DecisionKindParser
{
    /// <summary>approval | policy_block | routing | fallback | audit, in any case; anything else is not a decision kind.</summary>
    public static DecisionKind? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "approval" => DecisionKind.Approval,
        "policy_block" or "policyblock" => DecisionKind.PolicyBlock,
        "routing" => DecisionKind.Routing,
        "fallback" => DecisionKind.Fallback,
        "audit" => DecisionKind.Audit,
        _ => null,
    };
}
