namespace TraceExplorer.Core.Redaction;

/// <summary>The check digits of national identifiers, so that a number merely shaped like one stays readable.</summary>
public static class NationalIds
{
    private static readonly int[,] VerhoeffD =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly int[,] VerhoeffP =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    /// <summary>India's Aadhaar: twelve digits, not starting with 0 or 1, Verhoeff check digit.</summary>
    public static bool IsAadhaar(string digits)
    {
        if (digits.Length != 12 || digits[0] is '0' or '1')
        {
            return false;
        }

        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            check = VerhoeffD[check, VerhoeffP[i % 8, digits[digits.Length - 1 - i] - '0']];
        }

        return check == 0;
    }

    /// <summary>Brazil's CPF: eleven digits with two mod-11 check digits, not all the same digit.</summary>
    public static bool IsCpf(string digits)
    {
        if (digits.Length != 11 || digits.Distinct().Count() == 1)
        {
            return false;
        }

        int Check(int count)
        {
            var sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += (digits[i] - '0') * (count + 1 - i);
            }

            var rest = sum * 10 % 11;
            return rest == 10 ? 0 : rest;
        }

        return Check(9) == digits[9] - '0' && Check(10) == digits[10] - '0';
    }

    /// <summary>Spain's DNI (8 digits and a letter) and NIE (X, Y or Z, 7 digits and a letter): the letter is the check.</summary>
    public static bool IsSpanishId(ReadOnlySpan<char> candidate)
    {
        const string Letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        var text = candidate.ToString().ToUpperInvariant();
        if (text.Length != 9 || !char.IsAsciiLetter(text[8]))
        {
            return false;
        }

        var number = text[0] switch { 'X' => "0" + text[1..8], 'Y' => "1" + text[1..8], 'Z' => "2" + text[1..8], _ => text[..8] };
        return number.All(char.IsAsciiDigit) && Letters[(int)(long.Parse(number) % 23)] == text[8];
    }

    /// <summary>A US Social Security number that could be issued: area not 000, 666 or 9xx; group not 00; serial not 0000.</summary>
    public static bool IsUsSsn(string digits) =>
        digits.Length == 9 && digits[..3] is not ("000" or "666") && digits[0] != '9' && digits[3..5] != "00" && digits[5..] != "0000";
}
