namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// How a report's time range splits: the whole hours its rollups answer, and the rest (the range's partial hours at
/// either end, the current hour, and hours written since they were rolled up), read from the steps themselves.
/// Each run starts in exactly one hour, so a report adds the two parts and is exact.
/// </summary>
public sealed record RollupCoverage(IReadOnlyList<RunTimeRange> Rollups, IReadOnlyList<RunTimeRange> Raw)
{
    /// <summary>More separate ranges than this and the SQL would only grow; the report then reads the steps alone.</summary>
    public const int MaxRanges = 32;

    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Everything from the steps: the report as it would be without rollups.</summary>
    public static RollupCoverage None(DateTime? from, DateTime? to) => new([], [new RunTimeRange(from, to)]);

    /// <summary>Splits [from, to) given the hours whose rollups are current, in ascending order.</summary>
    public static RollupCoverage Split(DateTime? from, DateTime? to, IReadOnlyList<DateTime> currentHours)
    {
        var rollups = new List<RunTimeRange>();
        foreach (var hour in currentHours.Where(h => (from is null || h >= from) && (to is null || h + Hour <= to)))
        {
            if (rollups.Count > 0 && rollups[^1].To == hour)
            {
                rollups[^1] = rollups[^1] with { To = hour + Hour };
            }
            else
            {
                rollups.Add(new RunTimeRange(hour, hour + Hour));
            }
        }

        if (rollups.Count is 0 or > MaxRanges)
        {
            return None(from, to);
        }

        var raw = new List<RunTimeRange>();
        var cursor = from;
        foreach (var range in rollups)
        {
            if (cursor is null || cursor < range.From)
            {
                raw.Add(new RunTimeRange(cursor, range.From));
            }

            cursor = range.To;
        }

        if (to is null || cursor < to)
        {
            raw.Add(new RunTimeRange(cursor, to));
        }

        return new RollupCoverage(rollups, raw);
    }

    /// <summary>
    /// The rolled-up ranges split into whole UTC days, read from the daily rollups where a report keeps them, and the
    /// hours left over at either end of each range.
    /// </summary>
    public (IReadOnlyList<RunTimeRange> Days, IReadOnlyList<RunTimeRange> Hours) SplitDays()
    {
        var days = new List<RunTimeRange>();
        var hours = new List<RunTimeRange>();
        foreach (var range in Rollups)
        {
            var (from, to) = (range.From!.Value, range.To!.Value);
            var firstDay = from.TimeOfDay == TimeSpan.Zero ? from : from.Date.AddDays(1);
            var lastDay = to.Date;
            if (firstDay >= lastDay)
            {
                hours.Add(range);
                continue;
            }

            days.Add(new RunTimeRange(DateTime.SpecifyKind(firstDay, DateTimeKind.Utc), DateTime.SpecifyKind(lastDay, DateTimeKind.Utc)));
            if (from < firstDay)
            {
                hours.Add(new RunTimeRange(from, DateTime.SpecifyKind(firstDay, DateTimeKind.Utc)));
            }

            if (lastDay < to)
            {
                hours.Add(new RunTimeRange(DateTime.SpecifyKind(lastDay, DateTimeKind.Utc), to));
            }
        }

        return (days, hours);
    }

    /// <summary>The UTC day a time falls in.</summary>
    public static DateTime DayOf(DateTime time) => DateTime.SpecifyKind(time.Date, DateTimeKind.Utc);

    /// <summary>The hour a time falls in.</summary>
    public static DateTime HourOf(DateTime time) =>
        DateTime.SpecifyKind(new DateTime(time.Ticks - time.Ticks % Hour.Ticks), DateTimeKind.Utc);

    /// <summary>A condition that <paramref name="column"/> lies in one of <paramref name="ranges"/>; false when there are none.</summary>
    public static string Condition(SqlQuery query, string column, IReadOnlyList<RunTimeRange> ranges)
    {
        if (ranges.Count == 0)
        {
            return "1 = 0";
        }

        var parts = ranges.Select(range =>
        {
            var bounds = new List<string>();
            if (range.From is { } from)
            {
                bounds.Add($"{column} >= {query.Parameter(from)}");
            }

            if (range.To is { } to)
            {
                bounds.Add($"{column} < {query.Parameter(to)}");
            }

            return bounds.Count == 0 ? "1 = 1" : string.Join(" AND ", bounds);
        }).ToList();
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts.Select(p => $"({p})")) + ")";
    }
}
