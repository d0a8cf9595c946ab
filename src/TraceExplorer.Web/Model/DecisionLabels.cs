using TraceExplorer.Core.Model;

namespace TraceExplorer.Web.Model;

public static class DecisionLabels
{
    /// <summary>The decision kinds as the conventions spell them: approval, policy_block, routing, fallback, audit.</summary>
    public static string Kind(DecisionKind kind) => kind switch
    {
        DecisionKind.PolicyBlock => "policy_block",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
