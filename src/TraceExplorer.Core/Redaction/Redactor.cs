using System.Text.Json;
using System.Text.Json.Nodes;
using TraceExplorer.Core.Hashing;

namespace TraceExplorer.Core.Redaction;

/// <summary>
/// Replaces personal data and secrets with typed placeholders carrying a short keyed hash (<c>[EMAIL:3f9a]</c>), so
/// equal values still correlate without being revealed. Fails closed: if redacting a value throws, the value is
/// masked whole. Thread-safe.
/// </summary>
public sealed class Redactor
{
    private readonly string _hashKey;
    private readonly IReadOnlyList<IDetector> _detectors;
    private readonly string[] _sensitiveKeys;
    private readonly ILookup<string, string[]> _toolRules;

    /// <param name="detectors">The detectors to run; the built-in ones when null.</param>
    public Redactor(RedactionOptions options, string hashKey, IReadOnlyList<IDetector>? detectors = null)
    {
        Options = options;
        _hashKey = hashKey;
        _detectors = detectors ?? Detectors.Create(options);
        _sensitiveKeys = options.SensitiveKeys.Select(Normalize).Where(k => k.Length > 0).ToArray();
        _toolRules = options.ToolRules.ToLookup(r => r.Tool, r => JsonPathPattern.Parse(r.Path), StringComparer.Ordinal);
    }

    public RedactionOptions Options { get; }

    public string Placeholder(RedactionKind kind, string raw) =>
        $"[{kind.ToString().ToUpperInvariant()}:{KeyedHash.Compute(_hashKey, raw, 4)}]";

    /// <summary>Whether a field of this name is masked whole: password, api_key, Authorization…</summary>
    public bool IsSensitiveKey(string key)
    {
        var normalized = Normalize(key);
        return _sensitiveKeys.Any(normalized.Contains);
    }

    /// <summary>Free text with every detected value replaced.</summary>
    public string Text(string value, RedactionCounts counts)
    {
        try
        {
            return TextUnguarded(value, counts);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            counts.Add(RedactionKind.Error);
            return Placeholder(RedactionKind.Error, value);
        }
    }

    /// <summary>
    /// A value that may hold JSON (tool arguments and results, inputs): sensitive fields and the tool's rule paths are
    /// masked whole, every other string is redacted as text. Not JSON: redacted as text.
    /// </summary>
    public string Value(string value, RedactionCounts counts, string? toolName = null)
    {
        var trimmed = value.AsSpan().TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return Text(value, counts);
        }

        // Most JSON holds nothing to redact: skip parsing it when no detector, sensitive key or tool rule could apply.
        if (!MayNeedRedaction(value) && (toolName is null || !_toolRules.Contains(toolName)))
        {
            return value;
        }

        try
        {
            var node = JsonNode.Parse(value);
            if (node is null)
            {
                return Text(value, counts);
            }

            var rules = toolName is null ? [] : _toolRules[toolName].ToList();
            var redacted = Redact(node, [], rules, counts);
            return redacted?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return Text(value, counts);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            counts.Add(RedactionKind.Error);
            return Placeholder(RedactionKind.Error, value);
        }
    }

    private JsonNode? Redact(JsonNode? node, List<string> path, List<string[]> rules, RedactionCounts counts)
    {
        if (node is null)
        {
            return null;
        }

        if (rules.Any(rule => JsonPathPattern.Matches(rule, path)))
        {
            counts.Add(RedactionKind.Field);
            return JsonValue.Create(Placeholder(RedactionKind.Field, node.ToJsonString()));
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is not null && IsSensitiveKey(name))
                    {
                        counts.Add(RedactionKind.Field);
                        obj[name] = Placeholder(RedactionKind.Field, child.ToJsonString());
                    }
                    else
                    {
                        path.Add(name);
                        obj[name] = Redact(child?.DeepClone(), path, rules, counts);
                        path.RemoveAt(path.Count - 1);
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add("*");
                    array[i] = Redact(array[i]?.DeepClone(), path, rules, counts);
                    path.RemoveAt(path.Count - 1);
                }

                return array;
            case JsonValue leaf when leaf.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(TextUnguarded(leaf.GetValue<string>(), counts));
            default:
                // Numbers can be card numbers too.
                var text = node.ToJsonString();
                var redacted = TextUnguarded(text, counts);
                return redacted == text ? node : JsonValue.Create(redacted);
        }
    }

    private bool MayNeedRedaction(string value)
    {
        foreach (var detector in _detectors)
        {
            if (detector.MayContain(value))
            {
                return true;
            }
        }

        var normalized = Normalize(value);
        return _sensitiveKeys.Any(normalized.Contains);
    }

    private string TextUnguarded(string value, RedactionCounts counts)
    {
        if (value.Length == 0)
        {
            return value;
        }

        List<Detection>? found = null;
        foreach (var detector in _detectors)
        {
            if (!detector.MayContain(value))
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

    private static string Normalize(string key) => new(key.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
