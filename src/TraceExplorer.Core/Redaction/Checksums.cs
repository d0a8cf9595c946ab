using System.Numerics;

namespace TraceExplorer.Core.Redaction;

/// <summary>The check digits that tell a real card number or IBAN from a number that merely looks like one.</summary>
public static class Checksums
{
    public static bool Luhn(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers, and the result mod 97 is 1.</summary>
    public static bool IbanMod97(string candidate)
    {
        var iban = new string(candidate.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (iban.Length is < 15 or > 34)
        {
            return false;
        }

        var rearranged = iban[4..] + iban[..4];
        var numeric = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return BigInteger.Parse(numeric, System.Globalization.CultureInfo.InvariantCulture) % 97 == 1;
    }

    /// <summary>Bits of entropy per character: random keys score high, words, hex ids and version strings do not.</summary>
    public static double ShannonEntropy(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        return text.GroupBy(c => c).Sum(g =>
        {
            var p = (double)g.Count() / text.Length;
            return -p * Math.Log2(p);
        });
    }
}
