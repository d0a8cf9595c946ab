using System.Buffers;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// A secret named in text rather than in JSON: <c>password=…</c> in a connection string or a URL's query,
/// <c>Authorization: Basic …</c> in a logged header, <c>\"api_key\":\"…\"</c> in JSON encoded inside a string,
/// <c>secret: …</c> in YAML. The value is masked when its name is sensitive (<see cref="SensitiveNames"/>); an auth
/// scheme (Bearer, Basic, Token…) is masked with the credential after it.
/// </summary>
public sealed class FieldValueDetector(SensitiveNames names) : IDetector
{
    private static readonly HashSet<string> AuthSchemes = new(StringComparer.OrdinalIgnoreCase) { "Bearer", "Basic", "Token", "Digest", "Negotiate", "ApiKey", "Key", "SharedKey", "SSWS", "JWT" };

    // Parts of every default sensitive name: text holding none of them names no secret.
    private static readonly SearchValues<string> Stems = SearchValues.Create(
        ["pass", "pwd", "secret", "token", "auth", "bearer", "cred", "cookie", "pin", "cvc", "cvv", "otp", "ssn", "key", "session", "card", "code", "connection", "social"],
        StringComparison.OrdinalIgnoreCase);

    public RedactionKind Kind => RedactionKind.Field;

    public bool MayContain(in TextShape text) => text.Length >= 4 && (text.Colons > 0 || text.HasEquals) && text.Text.AsSpan().ContainsAny(Stems);

    /// <remarks>
    /// A scan rather than patterns: from each ':' or '=' back over quotes and spaces to the name, forward to the value.
    /// Every separator is looked at, so "wrote: Authorization: Basic …" finds the second name as well as the first.
    /// </remarks>
    public IEnumerable<Detection> Find(string text)
    {
        List<Detection>? found = null;
        for (var separator = text.AsSpan().IndexOfAny(':', '='); separator >= 0; separator = NextSeparator(text, separator + 1))
        {
            if (NameBefore(text, separator) is not { } name || !text.AsSpan(name.Start, name.Length).ContainsAny(Stems)
                || !names.IsSensitive(text.Substring(name.Start, name.Length)) || ValueAfter(text, separator) is not { } value)
            {
                continue;
            }

            var valueText = text.AsSpan(value.Start, value.Length);
            if (IsNoValue(valueText) || (valueText[0] == '[' && valueText[^1] == ']'))
            {
                continue;
            }

            var length = value.Length;
            if (AuthSchemes.Contains(valueText.ToString()))
            {
                length += CredentialAfter(text, value.Start + value.Length);
            }

            (found ??= []).Add(new Detection(value.Start, length, RedactionKind.Field));
        }

        return found ?? (IEnumerable<Detection>)[];
    }

    private static int NextSeparator(string text, int from)
    {
        var next = from < text.Length ? text.AsSpan(from).IndexOfAny(':', '=') : -1;
        return next < 0 ? -1 : from + next;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    /// <summary>The name a separator follows: back over spaces, a quote and backslashes to at most 64 name characters.</summary>
    private static (int Start, int Length)? NameBefore(string text, int separator)
    {
        var end = separator;
        while (end > 0 && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end > 0 && text[end - 1] is '"' or '\'')
        {
            end--;
        }

        while (end > 0 && text[end - 1] == '\\')
        {
            end--;
        }

        var start = end;
        while (start > 0 && IsNameChar(text[start - 1]) && end - start < 65)
        {
            start--;
        }

        var length = end - start;
        return length is > 0 and <= 64 && (start == 0 || !IsNameChar(text[start - 1])) && (char.IsAsciiLetter(text[start]) || text[start] == '_')
            ? (start, length)
            : null;
    }

    /// <summary>The value after a separator: past spaces, backslashes and a quote, up to a space, quote or delimiter.</summary>
    private static (int Start, int Length)? ValueAfter(string text, int separator)
    {
        var start = separator + 1;
        while (start < text.Length && text[start] is ' ' or '\t')
        {
            start++;
        }

        while (start < text.Length && text[start] == '\\')
        {
            start++;
        }

        if (start < text.Length && text[start] is '"' or '\'')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && end - start < 4096 && !IsValueEnd(text[end]))
        {
            end++;
        }

        return end > start ? (start, end - start) : null;
    }

    private static bool IsValueEnd(char c) => char.IsWhiteSpace(c) || c is '"' or '\'' or '&' or ',' or ';' or '}' or ']' or '\\' or '<' or '>' or ')';

    /// <summary>After an auth scheme (Bearer, Basic…): the spaces and the credential that follow it, or nothing.</summary>
    private static int CredentialAfter(string text, int from)
    {
        var end = from;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        var spaces = end - from;
        while (end < text.Length && end - from < 4096 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_' or '~' or '+' or '/' or '=' or '-'))
        {
            end++;
        }

        return spaces > 0 && end - from - spaces >= 4 ? end - from : 0;
    }

    private static bool IsNoValue(ReadOnlySpan<char> value) =>
        value.Equals("null", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase)
        || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
        || value.Equals("undefined", StringComparison.OrdinalIgnoreCase) || value.Equals("nil", StringComparison.OrdinalIgnoreCase);
}
