namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>One value of one dimension: "policy_version = policy-2026.11.2".</summary>
public sealed record ExplainKey(ExplainDimension Dimension, string Value)
{
    public override string ToString() => $"{ExplainDimensions.Name(Dimension)}={Value}";
}
