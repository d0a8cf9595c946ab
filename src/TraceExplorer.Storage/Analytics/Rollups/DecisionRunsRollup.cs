namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// How many runs of an hour with the same run dimensions and status took a decision of a kind, or of a kind under a
/// policy or towards a target (<see cref="Explain.ExplainSql.DecisionValues"/>): explain's counts of decisions for the
/// baseline, read without joining every run's decisions.
/// </summary>
public sealed class DecisionRunsRollup : RunDimensionsRollup
{
    public required string Status { get; set; }

    /// <summary>The explain dimension's name in the API ("decision_kind", "decision_policy", "decision_target").</summary>
    public required string Dimension { get; set; }
    public required string Value { get; set; }
    public long Runs { get; set; }
}
