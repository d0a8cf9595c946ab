namespace TraceExplorer.Storage.Queries;

/// <summary>Two runs side by side: their version differences, their steps aligned, and the decisions only one of them took.</summary>
public sealed record RunDiff(
    RunDetails A,
    RunDetails B,
    IReadOnlyList<VersionDifference> Versions,
    IReadOnlyList<StepDifference> Steps,
    IReadOnlyList<DecisionItem> DecisionsOnlyInA,
    IReadOnlyList<DecisionItem> DecisionsOnlyInB,
    bool Truncated);

public sealed record VersionDifference(string Name, string? A, string? B);

/// <summary>One aligned row: a step both runs have (changed or not), or a step only one has.</summary>
public sealed record StepDifference(string Change, StepItem? A, StepItem? B, double? DurationDeltaMs, bool ArgumentsDiffer, bool ResultsDiffer, bool StatusDiffers);
