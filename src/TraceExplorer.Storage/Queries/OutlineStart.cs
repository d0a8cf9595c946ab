namespace TraceExplorer.Storage.Queries;

/// <summary>
/// The first steps of a run in step order, read before its whole outline so the run page can paint its first screen
/// of rows: <see cref="Steps"/> are every step numbered below a cut, <see cref="Later"/> the steps at or after the cut
/// that are a child or the parent of one of them (what decides whether a row of the first screen is where the whole
/// tree puts it).
/// </summary>
public sealed record OutlineStart
{
    public required IReadOnlyList<StepOutline> Steps { get; init; }

    /// <summary>True when <see cref="Steps"/> are all the run's steps.</summary>
    public required bool Complete { get; init; }

    /// <summary>Steps past the cut that hang from a read step, or that a read step hangs from.</summary>
    public required IReadOnlyList<StepOutline> Later { get; init; }

    /// <summary>The agent numbered the steps itself, so step order need not be start order (see StepOrder).</summary>
    public required bool NumberedByAgent { get; init; }
}
