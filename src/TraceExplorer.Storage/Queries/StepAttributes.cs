using System.Text.Json;

namespace TraceExplorer.Storage.Queries;

/// <summary>Reads a step's attribute and event JSON (for the run page and replay bundles): values as text, JSON pretty-printed.</summary>
public static class StepAttributes
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Every attribute as (key, text), sorted by key.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All(JsonElement? attributes) =>
        attributes is { ValueKind: JsonValueKind.Object } obj
            ? obj.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Text(p.Value))).OrderBy(p => p.Key, StringComparer.Ordinal).ToList()
            : [];

    public static string? Get(JsonElement? attributes, string key) =>
        attributes is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(key, out var value) ? Text(value) : null;

    public static IReadOnlyList<string> List(JsonElement? attributes, string key) =>
        attributes is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(Text).ToList()
            : [];

    /// <summary>An object-valued attribute's entries as (key, text), in the order sent.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Map(JsonElement? attributes, string key) =>
        attributes is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Text(p.Value))).ToList()
            : [];

    /// <summary>The exception events of a step: (type, message, stack trace).</summary>
    public static IReadOnlyList<(string? Type, string? Message, string? StackTrace)> Exceptions(JsonElement? events) =>
        events is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray()
                .Where(e => e.TryGetProperty("name", out var name) && name.GetString() == "exception")
                .Select(e => e.TryGetProperty("attributes", out var a) ? a : default(JsonElement?))
                .Select(a => (Get(a, "exception.type"), Get(a, "exception.message"), Get(a, "exception.stacktrace")))
                .ToList()
            : [];

    /// <summary>A string attribute that holds JSON (traceexplorer.messages, traceexplorer.tools), parsed; null when absent or not JSON.</summary>
    public static JsonElement? Json(JsonElement? attributes, string key)
    {
        if (Get(attributes, key) is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Text that holds JSON, indented for reading; anything else unchanged.</summary>
    public static string Pretty(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
