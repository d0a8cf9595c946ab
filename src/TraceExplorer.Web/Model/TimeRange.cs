using System.Globalization;

namespace TraceExplorer.Web.Model;

/// <summary>
/// A time range as every page and API reads it from its <c>from</c> and <c>to</c> parameters (either may be open), with
/// the one rule they all apply: <c>to</c> is later than <c>from</c>.
/// </summary>
public readonly record struct TimeRange(DateTime? From, DateTime? To)
{
    /// <summary>Reads both ends in UTC; a value that does not parse, or a <c>to</c> not after <c>from</c>, is reported under its parameter's name.</summary>
    public static TimeRange Parse(string? from, string? to, Action<string, string> fail)
    {
        var start = QueryParsing.ParseTime(from, "from", fail);
        var end = QueryParsing.ParseTime(to, "to", fail);
        if (start is not null && end is not null && start >= end)
        {
            fail("to", "'to' must be later than 'from'.");
        }

        return new TimeRange(start, end);
    }

    /// <summary>A time as the URL writes it: UTC to the second, such as 2026-11-24T09:30:00Z.</summary>
    public static string Format(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string? Format(DateTime? time) => time is { } value ? Format(value) : null;
}
