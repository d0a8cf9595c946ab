using PhoneNumbers;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Phone numbers, found and validated by libphonenumber: international numbers anywhere, national ones as written in
/// the configured regions. Only text with enough digits is searched, and digits glued to an identifier
/// (<c>call_run-125959-17</c>, <c>A-4155552671</c>) are not a phone number.
/// </summary>
public sealed class PhoneDetector(IReadOnlyList<string> regions) : IDetector
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public RedactionKind Kind => RedactionKind.Phone;

    public bool MayContain(string text) => TextStats.Digits(text) >= 7;

    public IEnumerable<Detection> Find(string text)
    {
        if (!MayContain(text))
        {
            return [];
        }

        // libphonenumber is thorough and slow: it only sees stretches made of digits and phone punctuation that hold
        // at least seven digits and are not glued to an identifier.
        var found = new List<Detection>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && IsPhoneChar(text[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                // Spaces around a stretch belong to the sentence, not the number.
                var (first, end) = (start, i);
                while (first < end && text[first] == ' ')
                {
                    first++;
                }

                while (end > first && text[end - 1] == ' ')
                {
                    end--;
                }

                if (TextStats.Digits(text.AsSpan(first, end - first)) >= 7 && !GluedToIdentifier(text, first, end - first))
                {
                    FindIn(text.Substring(first, end - first), first, found);
                }

                start = -1;
            }
        }

        return found;
    }

    private void FindIn(string segment, int offset, List<Detection> found)
    {
        foreach (var region in regions)
        {
            foreach (var match in Util.FindNumbers(segment, region, PhoneNumberUtil.Leniency.VALID, 1000))
            {
                var start = offset + match.Start;
                if (!found.Any(d => d.Start < start + match.Length && start < d.End))
                {
                    found.Add(new Detection(start, match.Length, RedactionKind.Phone));
                }
            }
        }
    }

    private static bool IsPhoneChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/' or '\u00A0';

    private static bool GluedToIdentifier(string text, int start, int length)
    {
        static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
        var end = start + length;
        return (start > 0 && IsIdentifierChar(text[start - 1]) && text[start] != '+')
            || (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '_'));
    }
}
