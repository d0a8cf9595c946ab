namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Long runs of key-like characters with the spread of a random key (API keys without a known prefix, session
/// tokens). A linear scan rather than a pattern, so a megabyte-long run costs one pass.
/// </summary>
public sealed class TokenDetector : IDetector
{
    private const int MinLength = 24;

    /// <summary>Subresource-integrity digests: base64 of a hash, random-looking but public.</summary>
    private static readonly string[] DigestPrefixes = ["sha256-", "sha384-", "sha512-", "sha1-"];

    public RedactionKind Kind => RedactionKind.Secret;

    public bool MayContain(in TextShape text) => text.Length >= MinLength && text.Digits > 0 && text.HasUpper;

    public IEnumerable<Detection> Find(string text)
    {
        List<Detection>? found = null;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            // '=' belongs to a token only as base64 padding at its end, so "session_id=<key>" splits at it.
            var inToken = i < text.Length && (IsTokenChar(text[i]) || (text[i] == '=' && start >= 0 && (i + 1 == text.Length || !IsTokenChar(text[i + 1]))));
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var token = text.AsSpan(start, i - start);
                if (token.Length >= MinLength && !IsDigest(token) && !IsPrefixedId(token) && Detectors.IsHighEntropyToken(token))
                {
                    (found ??= []).Add(new Detection(start, i - start, RedactionKind.Secret));
                }

                start = -1;
            }
        }

        return found ?? (IEnumerable<Detection>)[];
    }

    private static bool IsDigest(ReadOnlySpan<char> token)
    {
        foreach (var prefix in DigestPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An id with a type prefix, as APIs hand them out: <c>call_5FhwUTb…</c>, <c>msg_01XFD…</c>, <c>pi_3Mtw…</c>,
    /// <c>chatcmpl-8abc…</c>. Keys with a prefix are the known formats, found before this detector runs.
    /// </summary>
    private static bool IsPrefixedId(ReadOnlySpan<char> token)
    {
        var separator = token.IndexOfAny('_', '-');
        if (separator is < 2 or > 10)
        {
            return false;
        }

        foreach (var c in token[..separator])
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/';
}
