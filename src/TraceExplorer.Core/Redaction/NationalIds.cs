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

    /// <summary>
    /// France's NIR (INSEE number): sex, year, month, department (2A/2B in Corsica, counted as 19 and 18), commune, order,
    /// and a two-digit key, 97 minus the first thirteen mod 97.
    /// </summary>
    public static bool IsFrenchNir(ReadOnlySpan<char> candidate)
    {
        var text = LettersAndDigits(candidate);
        if (text.Length != 15 || text[0] is not ('1' or '2' or '3' or '4' or '7' or '8') || !IsDigits(text[1..5]) || !IsDigits(text[7..]))
        {
            return false;
        }

        var month = int.Parse(text[3..5]);
        var department = text[5..7] switch { "2A" => "19", "2B" => "18", var digits => digits };
        if (month is 0 or (> 12 and < 20) || !IsDigits(department))
        {
            return false;
        }

        var number = long.Parse(text[..5] + department + text[7..13]);
        return 97 - (number % 97) == int.Parse(text[13..]);
    }

    /// <summary>
    /// Italy's codice fiscale: six letters, year, month letter, day, place, and a check letter over the first fifteen
    /// (odd and even positions weighted differently). Digits may be swapped for letters (omocodia), as issued.
    /// </summary>
    public static bool IsItalianFiscalCode(ReadOnlySpan<char> candidate)
    {
        const string Omocodia = "LMNPQRSTUV", Months = "ABCDEHLMPRST";
        int[] odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
        var text = candidate.ToString().ToUpperInvariant();
        if (text.Length != 16 || !text[..6].All(char.IsAsciiLetterUpper) || !Months.Contains(text[8]) || !char.IsAsciiLetterUpper(text[11]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = text[i];
            var digitPlace = i is 6 or 7 or 9 or 10 or 12 or 13 or 14;
            if (digitPlace && !char.IsAsciiDigit(c) && !Omocodia.Contains(c))
            {
                return false;
            }

            // Digits and letters share one value table: '0' counts as 'A', '1' as 'B' and so on.
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? odd[value] : value;
        }

        return text[15] == 'A' + (sum % 26);
    }

    /// <summary>The Netherlands' BSN: nine digits passing the eleven test (weights 9 to 2, the last digit minus one).</summary>
    public static bool IsDutchBsn(string digits)
    {
        if (digits.Length != 9 || digits == "000000000")
        {
            return false;
        }

        var sum = -(digits[8] - '0');
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        return sum % 11 == 0;
    }

    /// <summary>
    /// Germany's tax id (Steuer-IdNr): eleven digits, no leading 0, one digit of the first ten used two or three times and
    /// the rest at most once, and an ISO 7064 MOD 11,10 check digit.
    /// </summary>
    public static bool IsGermanTaxId(string digits)
    {
        if (digits.Length != 11 || digits[0] == '0')
        {
            return false;
        }

        var counts = digits[..10].GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count(n => n > 1) != 1 || counts.Max() > 3)
        {
            return false;
        }

        var product = 10;
        foreach (var c in digits[..10])
        {
            var sum = (c - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }

        var check = 11 - product;
        return (check == 10 ? 0 : check) == digits[10] - '0';
    }

    private static string LettersAndDigits(ReadOnlySpan<char> candidate) =>
        new(candidate.ToArray().Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static bool IsDigits(string text) => text.All(char.IsAsciiDigit);
}
