using System.Globalization;

namespace TraceExplorer.Web.Model;

/// <summary>
/// A duration as a person types it: <c>800ms</c>, <c>60s</c>, <c>1.5m</c>, <c>2h</c>, or a plain number of
/// milliseconds. The SLO field and the <c>sloMs</c> parameter read it here, so both accept the same text.
/// </summary>
public static class DurationInput
{
    public const string Hint = "use a duration such as 800ms, 60s or 1.5m (a plain number is milliseconds)";

    private static readonly (string Suffix, double Ms)[] Units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];

    /// <returns>False, with <paramref name="ms"/> 0, unless the text is a positive, finite duration.</returns>
    public static bool TryParseMs(string? text, out double ms)
    {
        ms = 0;
        var trimmed = text?.Trim().ToLowerInvariant() ?? "";
        var factor = 1d;
        // "ms" before "m" and "s": the longest suffix that matches wins.
        foreach (var (suffix, unitMs) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                factor = unitMs;
                break;
            }
        }

        if (trimmed.Length == 0 || !double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        ms = value * factor;
        if (ms > 0 && double.IsFinite(ms))
        {
            return true;
        }

        ms = 0;
        return false;
    }

    /// <summary>The shortest text that parses back to the same milliseconds: 60000 is "60s", 90000 is "1.5m".</summary>
    public static string Format(double ms)
    {
        var culture = CultureInfo.InvariantCulture;
        foreach (var (suffix, unitMs) in Units.Reverse())
        {
            var value = ms / unitMs;
            if (value >= 1 && Math.Round(value, 3) == value && (value * unitMs) == ms && value.ToString(culture).Length <= 4)
            {
                return value.ToString(culture) + suffix;
            }
        }

        return ms.ToString(culture) + "ms";
    }
}
