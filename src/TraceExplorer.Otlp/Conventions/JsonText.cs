using System.Text.Json;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// Lenient JSON reading for attribute values: conventions put JSON in strings, sometimes pretty-printed, sometimes
/// double-encoded, and senders get it wrong; a value that does not parse is simply not read.
/// </summary>
public static class JsonText
{
    public static JsonElement? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] is not ('{' or '[' or '"'))
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

    /// <summary>A property's value as text: strings as they are, anything else as compact JSON; null when absent.</summary>
    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsText(value) : null;

    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText().Contains('\n') ? JsonSerializer.Serialize(value) : value.GetRawText(),
    };

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A JSON string that itself holds JSON (AI SDK 5's tool call input) unwrapped once.</summary>
    public static string? Unwrapped(JsonElement? value) => value is not { } v ? null
        : v.ValueKind == JsonValueKind.String && Parse(v.GetString()) is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } inner ? AsText(inner)
        : AsText(v);
}
