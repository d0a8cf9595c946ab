using System.Globalization;

namespace TraceExplorer.Storage.Partitions;

/// <summary>The names and bounds of the PostgreSQL step table's daily partitions: <c>steps_p20261120</c> holds that UTC day.</summary>
public static class PartitionName
{
    public const string Default = "steps_default";

    private const string Prefix = "steps_p";

    public static string Of(DateOnly day) => Prefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly? DayOf(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && DateOnly.TryParseExact(name[Prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    /// <summary>A UTC midnight as a PostgreSQL timestamptz literal, for partition bounds (DDL takes no parameters).</summary>
    public static string Bound(DateOnly day) => "'" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00'";

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc);
}
