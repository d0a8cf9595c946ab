using System.Text.Json;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// Tool definitions in the shapes senders use, and as TraceExplorer stores them (traceexplorer.tools:
/// <c>[{"name":…,"description":…,"parameters":"{…}"}]</c>). GenAI's gen_ai.tool.definitions is
/// <c>[{"type":"function","name":…,"description":…,"parameters":{…}}]</c>; OpenAI's and OpenInference's wrap it in
/// <c>{"type":"function","function":{…}}</c>; the AI SDK names the schema <c>inputSchema</c>.
/// </summary>
public static class ToolDefinitionsJson
{
    public static ToolDefinition? Parse(JsonElement item)
    {
        var definition = JsonText.Property(item, "function") is { ValueKind: JsonValueKind.Object } function ? function : item;
        if (JsonText.Str(definition, "name") is not { Length: > 0 } name)
        {
            return null;
        }

        var schema = JsonText.Property(definition, "parameters") ?? JsonText.Property(definition, "inputSchema") ?? JsonText.Property(definition, "input_schema");
        return new ToolDefinition(name, JsonText.Str(definition, "description"), schema is { } s ? JsonText.AsText(s) : null);
    }

    /// <summary>A JSON array of definitions, or of JSON strings that each hold one (the AI SDK's ai.prompt.tools).</summary>
    public static List<ToolDefinition> ParseList(string? json)
    {
        var tools = new List<ToolDefinition>();
        if (JsonText.Parse(json) is not { ValueKind: JsonValueKind.Array } array)
        {
            return tools;
        }

        foreach (var item in array.EnumerateArray())
        {
            var element = item.ValueKind == JsonValueKind.String ? JsonText.Parse(item.GetString()) : item;
            if (element is { ValueKind: JsonValueKind.Object } definition && Parse(definition) is { } tool)
            {
                tools.Add(tool);
            }
        }

        return tools;
    }

    /// <summary>
    /// The definitions as JSON of at most <paramref name="maxLength"/> characters: schemas are left out first (the
    /// names and descriptions are what a reader scans), then the last tools.
    /// </summary>
    public static string Write(IReadOnlyList<ToolDefinition> tools, int maxLength)
    {
        var json = Write(tools);
        if (json.Length > maxLength)
        {
            var named = tools.Select(t => t with { Parameters = null }).ToList();
            json = Write(named);
            while (json.Length > maxLength && named.Count > 0)
            {
                named.RemoveAt(named.Count - 1);
                json = Write(named);
            }
        }

        return json;
    }

    public static IReadOnlyList<ToolDefinition> Read(string? json)
    {
        if (JsonText.Parse(json) is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        return array.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object && JsonText.Str(i, "name") is not null)
            .Select(i => new ToolDefinition(JsonText.Str(i, "name")!, JsonText.Str(i, "description"), JsonText.Str(i, "parameters")))
            .ToList();
    }

    private static string Write(IReadOnlyList<ToolDefinition> tools)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var tool in tools)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tool.Name);
                if (tool.Description is not null)
                {
                    writer.WriteString("description", tool.Description);
                }

                if (tool.Parameters is not null)
                {
                    writer.WriteString("parameters", tool.Parameters);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
