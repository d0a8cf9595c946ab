using System.Text.RegularExpressions;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// A detector from a pattern, a cheap pre-check and an optional validation of each candidate (a checksum, a parse).
/// Patterns are written without nested or overlapping quantifiers and compiled; a match timeout bounds any input, and
/// a timeout makes the redactor mask the whole value (fail closed).
/// </summary>
public sealed class RegexDetector(RedactionKind kind, string pattern, Func<string, bool> mayContain, RegexDetector.Validator? isValid = null) : IDetector
{
    private readonly Regex _regex = new(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(500));

    /// <summary>Checks a candidate match in place, without allocating a string for it.</summary>
    public delegate bool Validator(ReadOnlySpan<char> candidate);

    public RedactionKind Kind => kind;

    public bool MayContain(string text) => mayContain(text);

    public IEnumerable<Detection> Find(string text)
    {
        if (!mayContain(text))
        {
            return [];
        }

        var found = new List<Detection>();
        foreach (var match in _regex.EnumerateMatches(text))
        {
            if (isValid is null || isValid(text.AsSpan(match.Index, match.Length)))
            {
                found.Add(new Detection(match.Index, match.Length, kind));
            }
        }

        return found;
    }
}
