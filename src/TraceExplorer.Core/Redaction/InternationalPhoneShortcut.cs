using PhoneNumbers;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// The common case of a phone number in telemetry, answered without libphonenumber's matcher: a stretch that is one
/// international number and nothing else (<c>+1 415 555 2671</c>, <c>+44-20-7946-0958</c>). Parsing and validating it
/// costs a fraction of <see cref="PhoneNumberUtil.FindNumbers(string, string, PhoneNumberUtil.Leniency, long)"/>,
/// which tries every candidate and its inner groups. Only shapes where both give the same answer are taken: a leading
/// '+', digits split by single spaces or dashes, a digit at the end, every digit part of the number;
/// <c>PhoneShortcutTests</c> checks that answer against the matcher's over many generated stretches.
/// </summary>
public static class InternationalPhoneShortcut
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>True when <paramref name="stretch"/> is, whole, one valid international number; false when it is not or the shape is not one this shortcut answers.</summary>
    public static bool IsWholeNumber(string stretch)
    {
        if (!HasSimpleInternationalShape(stretch))
        {
            return false;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(stretch, "ZZ");
        }
        catch (NumberParseException)
        {
            return false;
        }

        // Every digit written is a digit of the number, in order: nothing dropped as a prefix, nothing left over.
        return !number.HasExtension && Util.IsValidNumber(number) && SameDigits(Util.Format(number, PhoneNumberFormat.E164), stretch);
    }

    /// <summary>'+', then digits with single spaces or dashes between them, ending in a digit.</summary>
    public static bool HasSimpleInternationalShape(string stretch)
    {
        if (stretch.Length < 8 || stretch[0] != '+' || !char.IsAsciiDigit(stretch[1]) || !char.IsAsciiDigit(stretch[^1]))
        {
            return false;
        }

        for (var i = 2; i < stretch.Length; i++)
        {
            var c = stretch[i];
            if (!char.IsAsciiDigit(c) && (c is not (' ' or '-') || !char.IsAsciiDigit(stretch[i - 1])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameDigits(string e164, string stretch)
    {
        var at = 1;
        foreach (var c in stretch)
        {
            if (char.IsAsciiDigit(c) && (at >= e164.Length || e164[at++] != c))
            {
                return false;
            }
        }

        return at == e164.Length;
    }
}
