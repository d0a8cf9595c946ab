using PhoneNumbers;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Phone numbers, found and validated by libphonenumber: international numbers anywhere, national ones as written in
/// the configured regions. Only text with enough digits is searched.
/// </summary>
public sealed class PhoneDetector(IReadOnlyList<string> regions) : IDetector
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public RedactionKind Kind => RedactionKind.Phone;

    public IEnumerable<Detection> Find(string text)
    {
        if (text.Count(char.IsAsciiDigit) < 7)
        {
            return [];
        }

        var found = new List<Detection>();
        foreach (var region in regions)
        {
            foreach (var match in Util.FindNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 1000))
            {
                if (!found.Any(d => d.Start < match.Start + match.Length && match.Start < d.End))
                {
                    found.Add(new Detection(match.Start, match.Length, RedactionKind.Phone));
                }
            }
        }

        return found;
    }
}
