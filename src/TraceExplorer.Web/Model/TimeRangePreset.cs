namespace TraceExplorer.Web.Model;

/// <summary>The quick time ranges of the runs filter; choosing one sets an absolute 'from' so the link stays exact.</summary>
public sealed record TimeRangePreset(string Label, TimeSpan? Span)
{
    public static readonly IReadOnlyList<TimeRangePreset> All =
    [
        new("Any time", null),
        new("Last hour", TimeSpan.FromHours(1)),
        new("Last 6 hours", TimeSpan.FromHours(6)),
        new("Last 24 hours", TimeSpan.FromDays(1)),
        new("Last 7 days", TimeSpan.FromDays(7)),
        new("Last 30 days", TimeSpan.FromDays(30)),
    ];

    /// <summary>The query for this range ending now, minute-aligned so the URL reads well.</summary>
    public RunListQuery ApplyTo(RunListQuery query, DateTime utcNow)
    {
        if (Span is not { } span)
        {
            return query with { From = null, To = null, Page = null };
        }

        var from = utcNow - span;
        from = new DateTime(from.Year, from.Month, from.Day, from.Hour, from.Minute, 0, DateTimeKind.Utc);
        return query with { From = TimeRange.Format(from), To = null, Page = null };
    }
}
