namespace TraceExplorer.Core.Runs;

/// <summary>
/// When two runs took the same decision: same kind, outcome, policy and target. Unlike
/// <see cref="DecisionFingerprint"/>, which tells a retried record of one decision from another decision, this
/// compares decisions of different runs, so the time and the reason text (which carries per-run detail such as
/// route weights or a measured latency) are left out: they would make every decision look taken by one run only.
/// </summary>
public static class DecisionMatch
{
    public static string Key(string kind, string? outcome, string? policyId, string? target) =>
        string.Join('\u001f', kind, outcome ?? "", policyId ?? "", target ?? "");

    /// <summary>The decisions of <paramref name="mine"/> that <paramref name="theirs"/> never took, in their order.</summary>
    public static IReadOnlyList<T> OnlyIn<T>(IEnumerable<T> mine, IEnumerable<T> theirs, Func<T, string> key)
    {
        var taken = theirs.Select(key).ToHashSet(StringComparer.Ordinal);
        return mine.Where(decision => !taken.Contains(key(decision))).ToList();
    }
}
