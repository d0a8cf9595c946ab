namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Whether a field's name says its value is a secret, matched on the name's words rather than its letters: a name is
/// split at '_', '-', '.', spaces and camelCase, and it is sensitive when it ends in a secret's word or phrase
/// (<c>password</c>, <c>access_token</c>, <c>x-api-key</c>, <c>client_secret</c>) or holds one of the words that are
/// never anything but secret (<c>password_hash</c>). So <c>max_tokens</c>, <c>llm.token_count.total</c>,
/// <c>tokenizer</c>, <c>secretary</c> and <c>className</c> stay readable.
/// </summary>
public sealed class SensitiveNames
{
    /// <summary>The defaults: each entry is a word or phrase of words (space-separated) that ends a sensitive name.</summary>
    /// <remarks>
    /// A session id is not on the list: in agent telemetry it names the conversation (OpenInference's
    /// <c>session.id</c>, the AI SDK's and OpenLLMetry's session metadata), which engineers search and group by. A web
    /// session credential is long and random, and the token detector masks it by its value whatever its name.
    /// </remarks>
    public static readonly IReadOnlyList<string> DefaultEndings =
    [
        "password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token", "auth", "authorization", "bearer",
        "credential", "credentials", "cookie", "pin", "cvc", "cvv", "cvv2", "otp", "ssn", "apikey", "privatekey",
        "api key", "access key", "secret key", "signing key", "encryption key", "license key", "private key", "master key",
        "client key", "secret access key", "session key", "session token", "session secret", "session cookie", "card number", "credit card",
        "mfa code", "verification code", "security code", "social security number", "set cookie", "connection string",
        "password hash", "password digest", "password salt", "pin code",
    ];

    /// <summary>Words that make any name holding them sensitive, wherever they stand.</summary>
    private static readonly HashSet<string> Anywhere = new(StringComparer.Ordinal) { "passwd", "passphrase", "pwd", "apikey", "privatekey", "ssn", "cvv", "cvc" };

    private readonly string[][] _endings;

    public SensitiveNames(IEnumerable<string>? endings = null) =>
        _endings = (endings ?? DefaultEndings).Select(e => Words(e).ToArray()).Where(w => w.Length > 0).Distinct(WordsComparer.Instance).ToArray();

    public bool IsSensitive(string name)
    {
        if (name.Length == 0 || name.Length > 256)
        {
            return false;
        }

        // Telemetry repeats a few thousand names endlessly: each is split into words once.
        if (!_known.TryGet(name, out var sensitive))
        {
            sensitive = Decide(name);
            _known.Add(name, sensitive);
        }

        return sensitive;
    }

    private readonly BoundedCache<bool> _known = new(20_000);

    private bool Decide(string name)
    {
        var words = Words(name);
        if (words.Count == 0)
        {
            return false;
        }

        if (words.Any(Anywhere.Contains))
        {
            return true;
        }

        return _endings.Any(ending => EndsWith(words, ending)) || IsJoinedSecret(words[^1]);
    }

    /// <summary>
    /// A secret's phrase written as one lower-case word: "accesstoken", "clientsecret", "apikey". Only with a known
    /// qualifier before the secret's word, so "tokenizer" and "bigsecretary" are no secrets.
    /// </summary>
    private static bool IsJoinedSecret(string word)
    {
        foreach (var secret in JoinedSecretWords)
        {
            if (word.Length > secret.Length && word.EndsWith(secret, StringComparison.Ordinal) && Qualifiers.Contains(word[..^secret.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] JoinedSecretWords = ["token", "secret", "key", "password", "pass", "code"];

    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal)
    {
        "access", "refresh", "auth", "api", "id", "bearer", "session", "csrf", "xsrf", "client", "app", "user", "master",
        "private", "oauth", "secret", "signing", "encryption", "license", "mfa", "otp", "verification", "security",
    };

    /// <summary>The lower-cased words of a name: split at separators and at lower-to-upper case changes.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            // "apiKey" → api | key; "APIKey" → api | key; "HTTPServer2" stays whole after the acronym's last capital.
            var boundary = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static bool EndsWith(List<string> words, string[] ending)
    {
        if (ending.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < ending.Length; i++)
        {
            if (!words[words.Count - ending.Length + i].Equals(ending[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class WordsComparer : IEqualityComparer<string[]>
    {
        public static readonly WordsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => string.Join(' ', obj).GetHashCode(StringComparison.Ordinal);
    }
}
