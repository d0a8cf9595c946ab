namespace TraceExplorer.Core.Redaction;

/// <summary>The check digits that tell a real card number or IBAN from a number that merely looks like one.</summary>
public static class Checksums
{
    public static bool Luhn(ReadOnlySpan<char> candidate)
    {
        var length = TextStats.Digits(candidate);
        if (length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        var i = 0;
        for (var position = candidate.Length - 1; position >= 0; position--)
        {
            if (!char.IsAsciiDigit(candidate[position]))
            {
                continue;
            }

            var digit = candidate[position] - '0';
            if (i++ % 2 == 1)
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
    public static bool IbanMod97(ReadOnlySpan<char> candidate)
    {
        var iban = new string(candidate.ToArray().Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (iban.Length is < 15 or > 34)
        {
            return false;
        }

        // The remainder is carried digit by digit, so no big number is ever built.
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1;
    }

    /// <summary>Bits of entropy per character: random keys score high, words, hex ids and version strings do not.</summary>
    public static double ShannonEntropy(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        // Keys are ASCII: counted on the stack; anything else falls back to a dictionary.
        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? other = null;
        foreach (var c in text)
        {
            if (c < 128)
            {
                ascii[c]++;
            }
            else
            {
                other ??= [];
                other[c] = other.GetValueOrDefault(c) + 1;
            }
        }

        var entropy = 0.0;
        foreach (var count in ascii)
        {
            entropy -= count == 0 ? 0 : (double)count / text.Length * Math.Log2((double)count / text.Length);
        }

        foreach (var count in other?.Values ?? (IEnumerable<int>)[])
        {
            entropy -= (double)count / text.Length * Math.Log2((double)count / text.Length);
        }

        return entropy;
    }
}
