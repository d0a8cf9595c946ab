namespace TraceExplorer.Core.Redaction;

/// <summary>
/// What stands around a candidate: detectors that would mistake ids, amounts or versions for personal data when a
/// number stands alone ask for a word that says what it is ("card", "phone", "ssn") shortly before it.
/// </summary>
public static class TextContext
{
    /// <summary>Whether one of <paramref name="words"/> (lower case) stands within <paramref name="window"/> characters before <paramref name="start"/>.</summary>
    public static bool Before(string text, int start, int window, IReadOnlyList<string> words)
    {
        var from = Math.Max(0, start - window);
        var before = text.AsSpan(from, start - from);
        foreach (var word in words)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The candidate stands alone: no letter, digit or id punctuation glued to either side.</summary>
    public static bool StandsAlone(string text, int start, int length)
    {
        static bool Glue(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '/' or '.';
        var end = start + length;
        return (start == 0 || !Glue(text[start - 1])) && (end >= text.Length || !Glue(text[end]) || (text[end] == '.' && (end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1]))));
    }
}
