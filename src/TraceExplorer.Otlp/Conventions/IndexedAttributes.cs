using System.Globalization;
using OpenTelemetry.Proto.Common.V1;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// Flattened lists such as OpenInference's llm.input_messages.0.message.role or OpenLLMetry's gen_ai.prompt.1.content:
/// the attributes under a prefix, grouped by their index, each group keyed by the rest of the name.
/// </summary>
internal static class IndexedAttributes
{
    public static SortedDictionary<int, Dictionary<string, string>> Group(IReadOnlyDictionary<string, AnyValue> attributes, string prefix)
    {
        var groups = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in attributes)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 10_000)
            {
                continue;
            }

            if (!groups.TryGetValue(index, out var group))
            {
                groups[index] = group = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            group[rest[(dot + 1)..].ToString()] = AttributeMap.AsText(value);
        }

        return groups;
    }

    /// <summary>The sub-groups of one group (message.tool_calls.0.tool_call.function.name …), by their index.</summary>
    public static SortedDictionary<int, Dictionary<string, string>> Group(Dictionary<string, string> group, string prefix)
    {
        var groups = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in group)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!groups.TryGetValue(index, out var sub))
            {
                groups[index] = sub = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            sub[rest[(dot + 1)..].ToString()] = value;
        }

        return groups;
    }
}
