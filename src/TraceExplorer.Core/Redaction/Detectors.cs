using System.Buffers;
using System.Net;
using System.Text.RegularExpressions;

namespace TraceExplorer.Core.Redaction;

/// <summary>The built-in detectors, in the order their findings win when they overlap.</summary>
public static class Detectors
{
    // Well-known key formats: OpenAI, Anthropic, GitHub, Slack, AWS (long-lived and temporary), Google, Stripe, GitLab,
    // Hugging Face, Twilio, Mailgun, DigitalOcean, npm, PyPI, Shopify, and "Bearer <token>" in any case.
    private const string KnownKeys =
        @"sk-(ant-|proj-)?[A-Za-z0-9_\-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9\-]{10,}" +
        @"|(AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_\-]{35}|(sk|rk)_(live|test)_[0-9A-Za-z]{20,}|glpat-[0-9A-Za-z_\-]{20,}" +
        @"|hf_[A-Za-z0-9]{30,}|SK[0-9a-f]{32}|key-[0-9a-zA-Z]{32}|do[opr]_v1_[a-f0-9]{64}|npm_[A-Za-z0-9]{36}|pypi-[A-Za-z0-9_\-]{50,}" +
        @"|shp(at|ss|ca|pa)_[a-fA-F0-9]{32}|[Bb][Ee][Aa][Rr][Ee][Rr] +[A-Za-z0-9._~+/=\-]{16,}";

    private static readonly SearchValues<string> KeyPrefixes = SearchValues.Create(
        ["sk-", "sk_", "rk_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "AKIA", "ASIA", "AIza", "glpat-", "hf_", "SK", "key-", "_v1_", "npm_", "pypi-", "shp"],
        StringComparison.Ordinal);

    private static bool MayHoldKnownKey(in TextShape text) =>
        text.Length >= 16 && (text.Text.AsSpan().ContainsAny(KeyPrefixes) || text.Text.Contains("bearer", StringComparison.OrdinalIgnoreCase));

    private static readonly string[] CardWords = ["card", "visa", "mastercard", "amex", "cc ", "cc:", "cc=", "pan", "payment", "credit", "debit", "kreditkarte", "tarjeta", "carte", "cartão"];

    private static readonly string[] SsnWords = ["ssn", "social security", "social_security", "socialsecurity", "tax id", "taxpayer"];

    private static readonly SearchValues<string> SsnStems = SearchValues.Create(["ssn", "social", "tax"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] AadhaarWords = ["aadhaar", "aadhar", "uidai"];

    private static readonly string[] BsnWords = ["bsn", "burgerservicenummer", "burgerservice", "sofinummer", "sofi"];

    private static readonly SearchValues<string> BsnStems = SearchValues.Create(["bsn", "burgerservice", "sofi"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] GermanTaxWords = ["steuer", "idnr", "identifikationsnummer", "tax id", "tax_id", "taxid"];

    private static readonly SearchValues<string> GermanTaxStems = SearchValues.Create(["steuer", "idnr", "identifikationsnummer", "tax"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] VersionWords = ["version", "ver ", "ver.", "build", "release", ".net", "dotnet", "runtime", "sdk", "framework", "assembly"];

    public static IReadOnlyList<IDetector> Create(RedactionOptions options, SensitiveNames names) =>
    [
        new RegexDetector(RedactionKind.Secret, @"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----(?:[^-]|-(?!----END))*(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----)?",
            (in TextShape t) => t.Length >= 30 && t.HasUpper && t.Text.Contains("PRIVATE KEY", StringComparison.Ordinal)),
        new RegexDetector(RedactionKind.Jwt, @"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", (in TextShape t) => t.Dots >= 2 && t.Text.Contains("eyJ", StringComparison.Ordinal)),
        new RegexDetector(RedactionKind.Secret, KnownKeys, MayHoldKnownKey),
        // The scheme is a lookbehind so the pattern starts at the literal "://", which the engine finds by a fast search.
        new RegexDetector(RedactionKind.Secret, @"(?<=[A-Za-z][A-Za-z0-9+.\-]{1,20})://[^\s:/@?#""'\\]{1,128}:(?<v>[^\s/@?#""'\\]{1,256})@",
            (in TextShape t) => t.HasSchemeSeparator && t.HasAt),
        new FieldValueDetector(names),
        new TokenDetector(),
        new RegexDetector(RedactionKind.Card, @"(?<![0-9])[0-9](?:[ \-./]?[0-9]){11,18}(?![0-9])", (in TextShape t) => t.DigitRunSeparated >= 12, IsCard),
        new IbanDetector(),
        new RegexDetector(RedactionKind.Email, @"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]{1,64}(?:@|%40)[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.(?:xn--[a-z0-9\-]{2,}|\p{L}{2,})",
            (in TextShape t) => t.HasAt),
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9\-])[0-9]{3}(?<s>[ \-])[0-9]{2}\k<s>[0-9]{4}(?![0-9\-])", (in TextShape t) => t.DigitRunSpacedOrDashed >= 9 && HasSsnShape(t.Text),
            (c, _, _) => NationalIds.IsUsSsn(CardIssuers.DigitsOf(c))),
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9])[0-9]{9}(?![0-9])", (in TextShape t) => t.DigitRun >= 9 && t.Text.AsSpan().ContainsAny(SsnStems),
            (c, text, start) => NationalIds.IsUsSsn(c.ToString()) && TextContext.Before(text, start, 32, SsnWords)),
        new RegexDetector(RedactionKind.NationalId, @"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?![A-Za-z0-9])",
            (in TextShape t) => t.DigitRunSpaced >= 6 && t.HasUpper),
        new RegexDetector(RedactionKind.NationalId, @"(?<![A-Za-z0-9])(?:[XYZ][0-9]{7}|[0-9]{8})-?[A-Z](?![A-Za-z0-9])", (in TextShape t) => t.DigitRun >= 7 && t.HasUpper,
            (c, _, _) => NationalIds.IsSpanishId(new string(c.ToArray().Where(char.IsAsciiLetterOrDigit).ToArray()))),
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9.])[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}(?![0-9])", (in TextShape t) => t.DigitRunDottedOrDashed >= 11,
            (c, _, _) => NationalIds.IsCpf(CardIssuers.DigitsOf(c))),
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9])[2-9][0-9]{3}( ?)[0-9]{4}( ?)[0-9]{4}(?![0-9])", (in TextShape t) => t.DigitRunSpaced >= 12,
            (c, text, start) => NationalIds.IsAadhaar(CardIssuers.DigitsOf(c)) && (c.Contains(' ') || TextContext.Before(text, start, 32, AadhaarWords))),
        // France's NIR, spaced as printed on the carte Vitale or in one run; Corsica's departments are 2A and 2B.
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9A-Za-z])[1-478] ?[0-9]{2} ?[0-9]{2} ?(?:[0-9]{2}|2[ABab]) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}(?![0-9A-Za-z])",
            (in TextShape t) => t.Digits >= 13 && t.DigitRunSpaced >= 6, (c, _, _) => NationalIds.IsFrenchNir(c)),
        // Italy's codice fiscale: its check letter is strong enough to need no context.
        new RegexDetector(RedactionKind.NationalId, @"(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNP-Vlmnp-v]{2}[A-Za-z][0-9LMNP-Vlmnp-v]{2}[A-Za-z][0-9LMNP-Vlmnp-v]{3}[A-Za-z](?![A-Za-z0-9])",
            (in TextShape t) => t.Length >= 16 && t.Digits >= 1, (c, _, _) => NationalIds.IsItalianFiscalCode(c)),
        // The Dutch BSN and the German tax id are plain digit runs that one number in ten or eleven passes by chance:
        // only after a word that names them.
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9.])[0-9]{4}\.?[0-9]{2}\.?[0-9]{3}(?![0-9])", (in TextShape t) => t.Digits >= 9 && t.Text.AsSpan().ContainsAny(BsnStems),
            (c, text, start) => NationalIds.IsDutchBsn(CardIssuers.DigitsOf(c)) && TextContext.Before(text, start, 32, BsnWords)),
        new RegexDetector(RedactionKind.NationalId, @"(?<![0-9])[1-9][0-9](?: ?[0-9]{3}){3}(?![0-9])", (in TextShape t) => t.DigitRunSpaced >= 11 && t.Text.AsSpan().ContainsAny(GermanTaxStems),
            (c, text, start) => NationalIds.IsGermanTaxId(CardIssuers.DigitsOf(c)) && TextContext.Before(text, start, 40, GermanTaxWords)),
        new RegexDetector(RedactionKind.Ip, @"\b[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\b", (in TextShape t) => t.Dots >= 3 && t.DigitRunDotted >= 4, IsPersonalIpv4),
        new RegexDetector(RedactionKind.Ip, @"[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{2,38}", (in TextShape t) => t.HasDoubleColon || t.Colons >= 7, IsPersonalIpv6),
        new PhoneDetector(options.PhoneRegions),
    ];

    /// <summary>
    /// Three digits, two and four, split by the same space or dash: a scan, because the pattern's match timeout reads the
    /// clock on every call, and run ids such as <c>bench-231045-1234</c> would otherwise run it on every span.
    /// </summary>
    private static bool HasSsnShape(string text)
    {
        for (var i = 0; i + 10 < text.Length; i++)
        {
            var separator = text[i + 3];
            if (separator is ' ' or '-' && text[i + 6] == separator
                && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
                && char.IsAsciiDigit(text[i + 4]) && char.IsAsciiDigit(text[i + 5])
                && char.IsAsciiDigit(text[i + 7]) && char.IsAsciiDigit(text[i + 8]) && char.IsAsciiDigit(text[i + 9]) && char.IsAsciiDigit(text[i + 10]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A long token of mixed letters and digits with the spread of a random key; hex ids, words and paths do not pass.</summary>
    public static bool IsHighEntropyToken(ReadOnlySpan<char> token)
    {
        bool hexOnly = true, digit = false, upper = false, lower = false;
        foreach (var c in token)
        {
            hexOnly &= char.IsAsciiHexDigit(c) || c == '-';
            digit |= char.IsAsciiDigit(c);
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
        }

        // A random key of n distinct-ish characters carries close to log2(n) bits per character; 85 % of that, capped.
        var needed = Math.Min(4.2, 0.85 * Math.Log2(token.Length));
        return !hexOnly && digit && upper && lower && !LooksLikeWords(token) && Checksums.ShannonEntropy(token) >= needed;
    }

    /// <summary>
    /// Identifiers are made of words (<c>OrdersLookupServiceTimeoutException42</c>): most of their letters stand in
    /// lower-case runs of four or more. In a random key such runs are rare.
    /// </summary>
    private static bool LooksLikeWords(ReadOnlySpan<char> token)
    {
        int inWords = 0, run = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiLetterLower(c))
            {
                run++;
                continue;
            }

            inWords += run >= 4 ? run : 0;
            run = 0;
        }

        inWords += run >= 4 ? run : 0;
        return inWords * 2 >= token.Length;
    }

    /// <summary>
    /// Luhn, an issuer's prefix and length, one kind of separator; and where the number is short enough to be an
    /// EAN or another id (13 digits or fewer, or 14 without separators), a word that says it is a card.
    /// </summary>
    private static bool IsCard(ReadOnlySpan<char> candidate, string text, int start)
    {
        if (!Checksums.Luhn(candidate))
        {
            return false;
        }

        var digits = CardIssuers.DigitsOf(candidate);
        if ( !CardIssuers.HasIssuerPrefixAndLength(digits) || !TextContext.StandsAlone(text, start, candidate.Length))
        {
            return false;
        }

        var separators = candidate.ToString().Where(c => !char.IsAsciiDigit(c)).Distinct().Count();
        if (separators > 1)
        {
            return false;
        }

        return digits.Length >= 15 || (digits.Length == 14 && separators == 1) || TextContext.Before(text, start, 40, CardWords);
    }

    /// <summary>
    /// An IPv4 address that can point at a person or a host outside: loopback and the unspecified address cannot, and
    /// four-part version numbers (<c>v1.0.0.0</c>, <c>version 10.0.19041.1</c>) are not addresses.
    /// </summary>
    private static bool IsPersonalIpv4(ReadOnlySpan<char> candidate, string text, int start)
    {
        foreach (var range in candidate.Split('.'))
        {
            var part = candidate[range];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || int.Parse(part) > 255)
            {
                return false;
            }
        }

        var end = start + candidate.Length;
        var versionLike = (start > 0 && text[start - 1] is 'v' or 'V' or '.' or '@')
            || (end < text.Length && text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
            || (end + 1 < text.Length && text[end] == '-' && char.IsAsciiLetter(text[end + 1]))
            || TextContext.Before(text, start, 16, VersionWords);
        // An address ending in .0 names a network, not a host: 10.0.0.0 is a range, 1.0.0.0 a version.
        return !versionLike && !candidate.StartsWith("127.") && !candidate.EndsWith(".0");
    }

    private static bool IsPersonalIpv6(ReadOnlySpan<char> candidate, string text, int start) =>
        TextStats.Count(candidate, ':') >= 2 && candidate.ContainsAnyExcept(':') && IPAddress.TryParse(candidate, out var address)
        && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.IPv6Any);
}
