namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Long runs of key-like characters with the spread of a random key (API keys without a known prefix, session
/// tokens). A linear scan rather than a pattern, so a megabyte-long run costs one pass.
/// </summary>
public sealed class TokenDetector : IDetector
{
    private const int MinLength = 32;

    public RedactionKind Kind => RedactionKind.Secret;

    public bool MayContain(string text) => text.Length >= MinLength;

    public IEnumerable<Detection> Find(string text)
    {
        List<Detection>? found = null;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && IsTokenChar(text[i]);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                if (i - start >= MinLength && Detectors.IsHighEntropyToken(text.AsSpan(start, i - start)))
                {
                    (found ??= []).Add(new Detection(start, i - start, RedactionKind.Secret));
                }

                start = -1;
            }
        }

        return found ?? (IEnumerable<Detection>)[];
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '=';
}
