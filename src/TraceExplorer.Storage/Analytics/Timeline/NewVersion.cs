using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Analytics.Timeline;

/// <summary>
/// A version a run ran with that was new then: first seen (for the run's agent) within a window before the run
/// started. <see cref="Previous"/> is the value it followed, the one to compare it with; null for the first value ever seen.
/// </summary>
public sealed record NewVersion(CompareDimension Dimension, string Value, DateTime FirstSeen, string? Previous)
{
    /// <summary>
    /// The value as new at <paramref name="runStart"/>, or null when it was first seen longer than
    /// <paramref name="window"/> before (or not at all among <paramref name="valuesByFirstSeen"/>).
    /// </summary>
    public static NewVersion? Find(CompareDimension dimension, IReadOnlyList<DimensionValue> valuesByFirstSeen, string value, DateTime runStart, TimeSpan window)
    {
        var change = ChangeTimelineQueries.Changes(valuesByFirstSeen).FirstOrDefault(c => c.To == value);
        var firstSeen = change?.At ?? valuesByFirstSeen.FirstOrDefault(v => v.Value == value)?.FirstSeen;
        return firstSeen is { } seen && seen <= runStart && runStart - seen <= window
            ? new NewVersion(dimension, value, seen, change?.From)
            : null;
    }
}
