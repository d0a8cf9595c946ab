using System.Text.RegularExpressions;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// A detector from a pattern, a cheap pre-check and an optional validation of each candidate (a checksum, a parse).
/// Patterns run with RegexOptions.NonBacktracking, so no input can make them slow.
/// </summary>
public sealed class RegexDetector(RedactionKind kind, string pattern, Func<string, bool> mayContain, Func<string, bool>? isValid = null) : IDetector
{
    private readonly Regex _regex = new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public RedactionKind Kind => kind;

    public IEnumerable<Detection> Find(string text)
    {
        if (!mayContain(text))
        {
            yield break;
        }

        foreach (Match match in _regex.Matches(text))
        {
            if (isValid is null || isValid(match.Value))
            {
                yield return new Detection(match.Index, match.Length, kind);
            }
        }
    }
}
