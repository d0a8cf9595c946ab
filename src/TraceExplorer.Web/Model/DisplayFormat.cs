using System.Globalization;

namespace TraceExplorer.Web.Model;

/// <summary>How durations, times and counts read on every page.</summary>
public static class DisplayFormat
{
    public static string Duration(double milliseconds) => milliseconds switch
    {
        double.NaN or < 0 => "—",
        0 => "0 ms",
        < 1 => $"{(milliseconds * 1000).ToString("0", CultureInfo.InvariantCulture)} µs",
        < 1000 => $"{milliseconds.ToString("0.#", CultureInfo.InvariantCulture)} ms",
        < 60_000 => $"{(milliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture)} s",
        < 3_600_000 => $"{(int)(milliseconds / 60_000)}m {(milliseconds % 60_000 / 1000).ToString("00", CultureInfo.InvariantCulture)}s",
        _ => $"{(int)(milliseconds / 3_600_000)}h {(int)(milliseconds % 3_600_000 / 60_000):00}m",
    };

    /// <summary>Times show in UTC so that everyone reviewing an incident reads the same clock.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A time in a narrow table column: month, day and time of day, in UTC; the full time goes in its tooltip.</summary>
    public static string TimeInColumn(DateTime utc) => utc.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string TimePrecise(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 tool call", "2 tool calls": the count and its noun, in the right number.</summary>
    public static string Count(long value, string singular, string? plural = null) =>
        $"{Count(value)} {(value == 1 ? singular : plural ?? singular + "s")}";
}
