using System.Text.RegularExpressions;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// A detector from a pattern, a cheap pre-check and an optional validation of each candidate (a checksum, a parse).
/// Where the pattern has a group named <c>v</c>, only that group is the value (a URL's password, not its host).
/// Patterns are written without nested or overlapping quantifiers and compiled; a match timeout bounds any long input, and
/// a timeout makes the redactor mask the whole value (fail closed).
/// </summary>
public sealed class RegexDetector(RedactionKind kind, string pattern, RegexDetector.PreCheck mayContain, RegexDetector.Validator? isValid = null, RegexOptions options = RegexOptions.None) : IDetector
{
    /// <summary>
    /// Text up to this long runs the pattern without a match timeout. A timeout reads the clock on every call, which on
    /// this kind of VM cost a tenth of all mapping time; on short text a pattern without nested quantifiers cannot run
    /// long anyway, and long text, where a surprise would cost, keeps the timeout.
    /// </summary>
    public const int UntimedLength = 4096;

    private const RegexOptions Always = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly Regex _timed = new(pattern, options | Always, TimeSpan.FromMilliseconds(500));

    private readonly Regex _untimed = new(pattern, options | Always, Regex.InfiniteMatchTimeout);

    private readonly bool _valueGroup = pattern.Contains("(?<v>", StringComparison.Ordinal);

    /// <summary>Checks a candidate in place, without allocating a string for it; <paramref name="start"/> is where it stands in the text.</summary>
    public delegate bool Validator(ReadOnlySpan<char> candidate, string text, int start);

    /// <summary>A cheap test of the text's shape that rules most text out before the pattern runs.</summary>
    public delegate bool PreCheck(in TextShape text);

    public RedactionKind Kind => kind;

    public bool MayContain(in TextShape text) => mayContain(text);

    public IEnumerable<Detection> Find(string text)
    {
        var found = new List<Detection>();
        var regex = text.Length <= UntimedLength ? _untimed : _timed;
        if (_valueGroup)
        {
            foreach (Match match in regex.Matches(text))
            {
                var value = match.Groups["v"];
                if (value.Success && value.Length > 0 && (isValid is null || isValid(text.AsSpan(value.Index, value.Length), text, value.Index)))
                {
                    found.Add(new Detection(value.Index, value.Length, kind));
                }
            }

            return found;
        }

        foreach (var match in regex.EnumerateMatches(text))
        {
            if (isValid is null || isValid(text.AsSpan(match.Index, match.Length), text, match.Index))
            {
                found.Add(new Detection(match.Index, match.Length, kind));
            }
        }

        return found;
    }
}
