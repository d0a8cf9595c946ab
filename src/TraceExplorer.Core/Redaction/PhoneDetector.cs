using PhoneNumbers;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Phone numbers, found and validated by libphonenumber: international numbers anywhere, national ones as written in
/// the configured regions. Only text with enough digits is searched; digits glued to an identifier
/// (<c>call_run-125959-17</c>, <c>A-4155552671</c>), dates, times and dotted versions are not a phone number, and a
/// bare run of digits (an order id, epoch milliseconds, an EAN) is one only after a word that says so ("phone",
/// "tel", "call"…), and then also as E.164 written without its '+'.
/// </summary>
public sealed class PhoneDetector(IReadOnlyList<string> regions) : IDetector
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly string[] PhoneWords =
    [
        "phone", "tel", "mobile", "cell", "call", "sms", "whatsapp", "fax", "contact", "ring", "dial", "nummer", "numéro",
        "número", "numero", "telefon", "teléfono", "telefone", "telefono", "handy", "móvil", "celular", "電話", "携帯",
    ];

    // It runs on stretches of at most MaxStretch characters, where it cannot run long; a wall-clock match timeout there
    // only fired when the thread was descheduled on a busy machine, and masked the whole value for nothing.
    private static readonly System.Text.RegularExpressions.Regex DateOrVersion = new(
        @"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}|^[0-9]+(\.[0-9]+){2,}$|^(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])",
        System.Text.RegularExpressions.RegexOptions.Compiled | System.Text.RegularExpressions.RegexOptions.CultureInvariant, System.Text.RegularExpressions.Regex.InfiniteMatchTimeout);

    private const int MaxStretch = 96;

    public RedactionKind Kind => RedactionKind.Phone;

    public bool MayContain(in TextShape text) => text.Digits >= 7;

    public IEnumerable<Detection> Find(string text)
    {
        if (TextStats.Digits(text) < 7)
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
                    Consider(text, first, end - first, found);
                }

                start = -1;
            }
        }

        return found;
    }

    private void Consider(string text, int start, int length, List<Detection> found)
    {
        var segment = text.Substring(start, length);
        if (length > MaxStretch)
        {
            // Longer than any list of numbers a person writes: searched once, for international numbers and the first
            // region's, not once per region (libphonenumber's cost grows with both).
            FindIn(segment, start, found, regions.Take(1));
            return;
        }

        // "2025-05-17 15" before ":36:18" is a date and an hour, not a number to call.
        var end = start + length;
        if (end + 1 < text.Length && text[end] == ':' && char.IsAsciiDigit(text[end + 1]))
        {
            return;
        }

        var bare = segment.All(char.IsAsciiDigit);
        if (bare && !TextContext.Before(text, start, 24, PhoneWords))
        {
            return;
        }

        // What a stretch holds depends on the stretch alone (and the regions, fixed per detector), so the answer is
        // remembered: the same number recurs within a run (a message, a tool's arguments, the run's input) and across runs.
        if (!_verdicts.TryGet(segment, out var numbers))
        {
            numbers = NumbersIn(segment, bare);
            _verdicts.Add(segment, numbers);
        }

        foreach (var (at, count) in numbers)
        {
            found.Add(new Detection(start + at, count, RedactionKind.Phone));
        }
    }

    private readonly BoundedCache<(int Start, int Length)[]> _verdicts = new(20_000);

    /// <summary>The numbers in one stretch of at most <see cref="MaxStretch"/> characters, as offsets into it.</summary>
    private (int Start, int Length)[] NumbersIn(string segment, bool bare)
    {
        if (DateOrVersion.IsMatch(segment))
        {
            return [];
        }

        if (InternationalPhoneShortcut.IsWholeNumber(segment))
        {
            return [(0, segment.Length)];
        }

        var found = new List<Detection>();
        FindIn(segment, 0, found, regions);
        if (bare && segment.Length is >= 11 and <= 15 && !found.Any(d => d.Start == 0))
        {
            // E.164 written without its '+': 4915112345678.
            foreach (var match in Util.FindNumbers("+" + segment, "ZZ", PhoneNumberUtil.Leniency.VALID, 1000))
            {
                found.Add(new Detection(0, segment.Length, RedactionKind.Phone));
                break;
            }
        }

        return [.. found.Select(d => (d.Start, d.Length))];
    }

    private static void FindIn(string segment, int offset, List<Detection> found, IEnumerable<string> regions)
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

            // libphonenumber is most of ingest's cost: once every digit of the stretch is in a number found, no other
            // region can add one (a find that overlaps is dropped above), so the rest are not searched.
            if (AllDigitsCovered(segment, offset, found))
            {
                return;
            }
        }
    }

    private static bool AllDigitsCovered(string segment, int offset, List<Detection> found)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (char.IsAsciiDigit(segment[i]) && !found.Any(d => d.Start <= offset + i && offset + i < d.End))
            {
                return false;
            }
        }

        return true;
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
