namespace TraceExplorer.Core.Runs;

/// <summary>Where a failure starts, by <see cref="RootCauseErrors.First"/>.</summary>
/// <param name="Index">The item the failure starts at.</param>
/// <param name="Causes">How many items failed on their own account (none failed below them).</param>
/// <param name="FailedAncestors">How many items above the cause failed with it.</param>
public sealed record RootCause(int Index, int Causes, int FailedAncestors);
