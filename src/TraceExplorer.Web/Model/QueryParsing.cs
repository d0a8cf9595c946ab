using System.Globalization;

namespace TraceExplorer.Web.Model;

/// <summary>Query-string values to typed values; a value that does not parse is reported under its parameter's name.</summary>
public static class QueryParsing
{
    public static DateTime? ParseTime(string? text, string name, Action<string, string> fail)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        fail(name, $"'{text}' is not an ISO 8601 time such as 2026-11-24T09:30:00Z.");
        return null;
    }

    public static int ParseInt(string? text, string name, int min, int max, int fallback, Action<string, string> fail)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        fail(name, $"'{text}' is not a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>A non-negative, finite number of milliseconds.</summary>
    public static double? ParseMilliseconds(string? text, string name, Action<string, string> fail)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && double.IsFinite(parsed))
        {
            return parsed;
        }

        fail(name, $"'{text}' is not a non-negative number of milliseconds.");
        return null;
    }

    /// <summary>One of the enum's names in any case (never its number); the error names what <paramref name="what"/> takes.</summary>
    public static T? ParseEnum<T>(string? text, string name, string what, Action<string, string> fail)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            return parsed;
        }

        fail(name, $"'{text}' is not {what}; use {string.Join(", ", Enum.GetNames<T>().Select(CamelCase))}.");
        return null;
    }

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
