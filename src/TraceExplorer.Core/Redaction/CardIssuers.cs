namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Whether a number has the prefix and length of a payment card that an issuer hands out (Visa, Mastercard, Amex,
/// Discover, Diners, JCB, UnionPay, Maestro). With the Luhn check this tells a card from an id that passes Luhn by
/// chance, as one number in ten does.
/// </summary>
public static class CardIssuers
{
    public static bool HasIssuerPrefixAndLength(string digits)
    {
        var length = digits.Length;
        if (length < 12 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        int Prefix(int n) => int.Parse(digits.AsSpan(0, n), System.Globalization.CultureInfo.InvariantCulture);
        return (digits[0] == '4' && length is 13 or 16 or 19)
            || (Prefix(2) is >= 51 and <= 55 && length == 16)
            || (Prefix(4) is >= 2221 and <= 2720 && length == 16)
            || (Prefix(2) is 34 or 37 && length == 15)
            || ((Prefix(4) == 6011 || Prefix(2) == 65 || Prefix(3) is >= 644 and <= 649) && length is >= 16 and <= 19)
            || ((Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38 or 39) && length is >= 14 and <= 19)
            || (Prefix(4) is >= 3528 and <= 3589 && length is >= 16 and <= 19)
            || (Prefix(2) == 62 && length is >= 16 and <= 19)
            || ((Prefix(2) is 50 or (>= 56 and <= 69)) && length is >= 12 and <= 19);
    }

    /// <summary>The digits of a candidate, without its separators.</summary>
    public static string DigitsOf(ReadOnlySpan<char> candidate)
    {
        var digits = new System.Text.StringBuilder(candidate.Length);
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }
}
