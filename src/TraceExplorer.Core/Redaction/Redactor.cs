using System.Text.Json;
using TraceExplorer.Core.Hashing;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Replaces personal data and secrets with typed placeholders carrying a short keyed hash (<c>[EMAIL:3f9a]</c>), so
/// equal values still correlate without being revealed. Fails closed: if redacting a value throws, the value is
/// masked whole. Thread-safe.
/// </summary>
public sealed partial class Redactor
{
    private readonly string _hashKey;
    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly SensitiveNames _names;
    private readonly ILookup<string, string[]> _toolRules;

    /// <param name="detectors">The detectors to run; the built-in ones when null.</param>
    public Redactor(RedactionOptions options, string hashKey, IReadOnlyList<IDetector>? detectors = null)
    {
        Options = options;
        _hashKey = hashKey;
        _names = new SensitiveNames(options.SensitiveKeys);
        _detectors = detectors ?? Detectors.Create(options, _names);
        _toolRules = options.ToolRules.ToLookup(r => r.Tool, r => JsonPathPattern.Parse(r.Path), StringComparer.Ordinal);
    }

    public RedactionOptions Options { get; }

    public string Placeholder(RedactionKind kind, string raw) =>
        $"[{kind.ToString().ToUpperInvariant()}:{KeyedHash.Compute(_hashKey, raw, 4)}]";

    /// <summary>Whether a field of this name is masked whole: password, api_key, Authorization…</summary>
    public bool IsSensitiveKey(string key) => _names.IsSensitive(key);

    /// <summary>Free text with every detected value replaced.</summary>
    /// <param name="fieldName">The attribute or JSON field the text is the value of: "phone" makes a bare number a phone number.</param>
    public string Text(string value, RedactionCounts counts, string? fieldName = null)
    {
        try
        {
            return TextUnguarded(value, counts, fieldName);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            counts.Add(RedactionKind.Error);
            return Placeholder(RedactionKind.Error, value);
        }
    }

    /// <summary>
    /// A name: an attribute key, an event name, a stored column (agent, route, version, tool, model, id). Names repeat
    /// from span to span, so a name found clean is remembered and not scanned again.
    /// </summary>
    public string Name(string value, RedactionCounts counts)
    {
        if (value.Length > MaxRememberedLength)
        {
            return Text(value, counts);
        }

        if (_cleanNames.TryGet(value, out _))
        {
            return value;
        }

        var redacted = Text(value, counts);
        if (redacted == value)
        {
            _cleanNames.Add(value, true);
        }

        return redacted;
    }

    private const int MaxRememberedLength = 256;
    private readonly BoundedCache<bool> _cleanNames = new(50_000);

    /// <summary>
    /// A value that may hold JSON (tool arguments and results, inputs): sensitive fields and the tool's rule paths are
    /// masked whole, every other string is redacted as text. Not JSON: redacted as text.
    /// </summary>
    public string Value(string value, RedactionCounts counts, string? toolName = null, string? fieldName = null)
    {
        var trimmed = value.AsSpan().TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return Text(value, counts, fieldName);
        }

        // Most JSON holds nothing to redact: skip parsing it when no detector, sensitive key or tool rule could apply.
        if (!MayNeedRedaction(value) && (toolName is null || !_toolRules.Contains(toolName)))
        {
            return value;
        }

        try
        {
            return RedactJson(value, toolName is null ? [] : _toolRules[toolName].ToList(), counts, fieldName);
        }
        catch (JsonException)
        {
            return Text(value, counts, fieldName);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            counts.Add(RedactionKind.Error);
            return Placeholder(RedactionKind.Error, value);
        }
    }

    /// <remarks>A sensitive field's name is text the field detector's pre-check looks for, so detectors alone decide.</remarks>
    private bool MayNeedRedaction(string value)
    {
        var shape = new TextShape(value);
        foreach (var detector in _detectors)
        {
            if (detector.MayContain(shape))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Short text with few digits and none of '@', '%', ':' or '=' is a name (a tool, a route, a version): no
    /// detector can find anything in it, and most stored columns and keys are such names.
    /// </summary>
    private static bool CannotHoldAnything(string value)
    {
        if (value.Length >= 16)
        {
            return false;
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (c is '@' or '%' or ':' or '=' || (char.IsAsciiDigit(c) && ++digits >= 4))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> ContextWords = new(StringComparer.Ordinal)
    {
        "phone", "tel", "telephone", "mobile", "cell", "fax", "contact", "msisdn", "whatsapp", "sms", "card", "cc", "pan", "ssn",
        "aadhaar", "version", "ver", "build", "release", "number", "no", "nr", "ip", "address", "addr", "host",
    };

    private readonly BoundedCache<bool> _contextNames = new(20_000);

    /// <summary>Whether a field's name says what a bare number in it is (a phone, a card, a version); decided once per name.</summary>
    private bool GivesContext(string fieldName)
    {
        if (!_contextNames.TryGet(fieldName, out var gives))
        {
            gives = SensitiveNames.Words(fieldName).Any(ContextWords.Contains);
            _contextNames.Add(fieldName, gives);
        }

        return gives;
    }

    private static bool LooksLikeJson(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.Length >= 2 && ((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']'));
    }

    private string TextUnguarded(string value, RedactionCounts counts, string? fieldName = null)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (CannotHoldAnything(value))
        {
            return value;
        }

        // A bare number means what its field's name says it is: "phone": "4155552671". The name is read as context in
        // front of the value, and nothing found in the name itself is replaced.
        if (fieldName is { Length: > 0 and <= 64 } && value.Length <= 64 && TextStats.Digits(value) >= 4 && GivesContext(fieldName))
        {
            var prefix = fieldName + ": ";
            var withContext = TextUnguarded(prefix + value, counts, null);
            if (withContext.StartsWith(prefix, StringComparison.Ordinal))
            {
                return withContext[prefix.Length..];
            }
        }

        List<Detection>? found = null;
        var shape = new TextShape(value);
        foreach (var detector in _detectors)
        {
            if (!detector.MayContain(shape))
            {
                continue;
            }

            foreach (var detection in detector.Find(value))
            {
                if (found is null || !found.Any(d => d.Start < detection.End && detection.Start < d.End))
                {
                    (found ??= []).Add(detection);
                }
            }
        }

        if (found is null)
        {
            return value;
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new System.Text.StringBuilder(value.Length);
        var position = 0;
        foreach (var detection in found)
        {
            result.Append(value, position, detection.Start - position);
            result.Append(Placeholder(detection.Kind, value.Substring(detection.Start, detection.Length)));
            counts.Add(detection.Kind);
            position = detection.End;
        }

        result.Append(value, position, value.Length - position);
        return result.ToString();
    }
}
