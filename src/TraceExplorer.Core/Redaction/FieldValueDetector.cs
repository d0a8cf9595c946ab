using System.Buffers;
using System.Text.RegularExpressions;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// A secret named in text rather than in JSON: <c>password=…</c> in a connection string or a URL's query,
/// <c>Authorization: Basic …</c> in a logged header, <c>\"api_key\":\"…\"</c> in JSON encoded inside a string,
/// <c>secret: …</c> in YAML. The value is masked when its name is sensitive (<see cref="SensitiveNames"/>); an auth
/// scheme (Bearer, Basic, Token…) is masked with the credential after it.
/// </summary>
public sealed class FieldValueDetector(SensitiveNames names) : IDetector
{
    // The name and its separator only: the value is read after it, so "wrote: Authorization: Basic …" finds both names.
    private static readonly Regex Pattern = new(
        @"(?<![A-Za-z0-9_.\-])(?<name>[A-Za-z_][A-Za-z0-9_.\-]{0,63})\\*[""']?[ \t]*[:=]",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(500));

    private static readonly Regex Value = new(
        @"\G[ \t]*\\*[""']?(?<v>[^\s""'&,;}\]\\<>)]{1,4096})",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(500));

    private static readonly Regex Scheme = new(@"\G[ \t]+[A-Za-z0-9._~+/=\-]{4,4096}", RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(500));

    private static readonly HashSet<string> AuthSchemes = new(StringComparer.OrdinalIgnoreCase) { "Bearer", "Basic", "Token", "Digest", "Negotiate", "ApiKey", "Key", "SharedKey", "SSWS", "JWT" };

    private static readonly HashSet<string> NoValue = new(StringComparer.OrdinalIgnoreCase) { "null", "none", "true", "false", "undefined", "nil" };

    // Parts of every default sensitive name: text holding none of them names no secret.
    private static readonly SearchValues<string> Stems = SearchValues.Create(
        ["pass", "pwd", "secret", "token", "auth", "bearer", "cred", "cookie", "pin", "cvc", "cvv", "otp", "ssn", "key", "session", "card", "code", "connection", "social"],
        StringComparison.OrdinalIgnoreCase);

    public RedactionKind Kind => RedactionKind.Field;

    public bool MayContain(in TextShape text) => text.Length >= 4 && (text.Colons > 0 || text.HasEquals) && text.Text.AsSpan().ContainsAny(Stems);

    public IEnumerable<Detection> Find(string text)
    {
        List<Detection>? found = null;
        foreach (Match match in Pattern.Matches(text))
        {
            var name = match.Groups["name"];
            if (!text.AsSpan(name.Index, name.Length).ContainsAny(Stems) || !names.IsSensitive(name.Value)
                || Value.Match(text, match.Index + match.Length) is not { Success: true } read)
            {
                continue;
            }

            var value = read.Groups["v"];
            if (NoValue.Contains(value.Value) || (value.Value.StartsWith('[') && value.Value.EndsWith(']')))
            {
                continue;
            }

            var length = value.Length;
            if (AuthSchemes.Contains(value.Value) && Scheme.Match(text, value.Index + value.Length) is { Success: true } credential)
            {
                length += credential.Length;
            }

            (found ??= []).Add(new Detection(value.Index, length, RedactionKind.Field));
        }

        return found ?? (IEnumerable<Detection>)[];
    }
}
