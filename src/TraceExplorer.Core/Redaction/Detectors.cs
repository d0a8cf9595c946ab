using System.Net;

namespace TraceExplorer.Core.Redaction;

/// <summary>The built-in detectors, in the order their findings win when they overlap.</summary>
public static class Detectors
{
    // Well-known key formats: OpenAI, Anthropic, GitHub, Slack, AWS, Google, Stripe, GitLab, and "Bearer <token>".
    private const string KnownKeys =
        @"sk-(ant-|proj-)?[A-Za-z0-9_\-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9\-]{10,}" +
        @"|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_\-]{35}|(sk|rk)_(live|test)_[0-9A-Za-z]{20,}|glpat-[0-9A-Za-z_\-]{20,}|Bearer [A-Za-z0-9._~+/=\-]{20,}";

    public static IReadOnlyList<IDetector> Create(RedactionOptions options) =>
    [
        new RegexDetector(RedactionKind.Jwt, @"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", t => t.Contains("eyJ", StringComparison.Ordinal)),
        new RegexDetector(RedactionKind.Secret, KnownKeys, MayHoldKnownKey),
        new TokenDetector(),
        new RegexDetector(RedactionKind.Card, @"\b[0-9](?:[ \-]?[0-9]){12,18}\b", t => TextStats.Digits(t) >= 13, Checksums.Luhn),
        new RegexDetector(RedactionKind.Iban, @"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}\b", MayHoldIban, Checksums.IbanMod97),
        new RegexDetector(RedactionKind.Email, @"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", t => t.Contains('@')),
        new RegexDetector(RedactionKind.Ip, @"\b[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\b", t => TextStats.Count(t, '.') >= 3, IsIpv4),
        new RegexDetector(RedactionKind.Ip, @"[0-9A-Fa-f:]{3,39}", t => t.Contains("::", StringComparison.Ordinal) || TextStats.Count(t, ':') >= 7, IsIpv6),
        new PhoneDetector(options.PhoneRegions),
    ];

    private static readonly string[] KeyPrefixes = ["sk-", "sk_", "rk_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "AKIA", "AIza", "glpat-", "Bearer "];

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

        return !hexOnly && digit && upper && lower && Checksums.ShannonEntropy(token) >= 4.2;
    }

    private static bool MayHoldKnownKey(string text)
    {
        foreach (var prefix in KeyPrefixes)
        {
            if (text.Contains(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIpv4(ReadOnlySpan<char> candidate)
    {
        foreach (var range in candidate.Split('.'))
        {
            var part = candidate[range];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || int.Parse(part) > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MayHoldIban(string text)
    {
        for (var i = 0; i + 3 < text.Length; i++)
        {
            if (char.IsAsciiLetterUpper(text[i]) && char.IsAsciiLetterUpper(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIpv6(ReadOnlySpan<char> candidate) =>
        TextStats.Count(candidate, ':') >= 2 && candidate.ContainsAnyExcept(':') && IPAddress.TryParse(candidate, out var address)
        && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
}
