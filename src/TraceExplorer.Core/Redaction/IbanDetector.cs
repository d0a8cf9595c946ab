namespace TraceExplorer.Core.Redaction;

/// <summary>
/// IBANs in any case, with spaces or dashes between groups. Each country's IBAN has a fixed length, so the candidate
/// is cut at exactly that many characters before the mod-97 check: the words after it are never swallowed.
/// </summary>
public sealed class IbanDetector : IDetector
{
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22, ["BR"] = 29,
        ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24,
        ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21,
        ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21,
        ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30,
        ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VG"] = 24, ["XK"] = 20,
    };

    public RedactionKind Kind => RedactionKind.Iban;

    public bool MayContain(in TextShape text) => text.Length >= 15 && text.Digits >= 6 && NextStart(text.Text, 0) >= 0;

    public IEnumerable<Detection> Find(string text)
    {
        var found = new List<Detection>();
        for (var index = NextStart(text, 0); index >= 0; index = NextStart(text, index + 1))
        {
            var match = (Index: index, Length: 4);
            var country = text.Substring(match.Index, 2).ToUpperInvariant();
            if (!Lengths.TryGetValue(country, out var length))
            {
                continue;
            }

            // Take exactly the country's length in letters and digits, allowing one space or dash between any two.
            var characters = new System.Text.StringBuilder(length);
            var position = match.Index;
            while (position < text.Length && characters.Length < length)
            {
                var c = text[position];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    characters.Append(char.ToUpperInvariant(c));
                }
                else if (!(c is ' ' or '-' && characters.Length >= 4 && position + 1 < text.Length && char.IsAsciiLetterOrDigit(text[position + 1])))
                {
                    break;
                }

                position++;
            }

            if (characters.Length == length && (position >= text.Length || !char.IsAsciiLetterOrDigit(text[position])) && Checksums.IbanMod97(characters.ToString()))
            {
                found.Add(new Detection(match.Index, position - match.Index, RedactionKind.Iban));
            }
        }

        return found;
    }

    /// <summary>Where two letters and two digits start a word, as an IBAN's country and check digits do: a scan, not a pattern.</summary>
    private static int NextStart(string text, int from)
    {
        for (var i = from; i + 3 < text.Length; i++)
        {
            if (char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
                && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
