using OpenTelemetry.Proto.Common.V1;
using TraceExplorer.Otlp.Conventions;
using A = TraceExplorer.Core.Conventions.AgentAttributes;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// A span's own attributes plus what the convention readers derived, under the names the step details read: tool
/// arguments and result as gen_ai.tool.call.*, messages normalized as traceexplorer.messages, retrieved documents as
/// agent.retrieval.*. What the span sent itself is never replaced.
/// </summary>
internal static class DerivedAttributes
{
    public static IReadOnlyDictionary<string, AnyValue> With(IReadOnlyDictionary<string, AnyValue> own, SpanFacts facts, IngestLimits limits)
    {
        var derived = new List<(string Key, AnyValue Value)>();
        Add(derived, own, A.ToolArguments, facts.ToolArguments);
        Add(derived, own, A.ToolResult, facts.ToolResult);
        if (facts.InputMessages.Count + facts.OutputMessages.Count > 0)
        {
            // A margin under the limit, as redaction may lengthen a value a little before it is cut.
            Add(derived, own, A.Messages, MessagesJson.Write([.. facts.InputMessages, .. facts.OutputMessages], limits.MaxValueLength * 9 / 10));
        }

        if (facts.ToolsOffered.Count > 0)
        {
            Add(derived, own, A.ToolsOffered, ToolDefinitionsJson.Write(facts.ToolsOffered, limits.MaxValueLength * 9 / 10));
        }

        Add(derived, own, A.Description, facts.Description);
        Add(derived, own, A.SessionId, facts.SessionId);
        Add(derived, own, A.ResponseId, facts.ResponseId);
        AddNumber(derived, own, A.CacheReadTokens, facts.CacheReadTokens);
        AddNumber(derived, own, A.CacheWriteTokens, facts.CacheWriteTokens);
        if (facts.Metadata.Count > 0 && !own.ContainsKey(A.Metadata))
        {
            var metadata = new KeyValueList();
            metadata.Values.AddRange(facts.Metadata.Select(m => new KeyValue { Key = m.Key, Value = new AnyValue { StringValue = m.Value } }));
            derived.Add((A.Metadata, new AnyValue { KvlistValue = metadata }));
        }

        AddList(derived, own, A.Tags, facts.Tags);
        AddList(derived, own, A.RetrievalDocumentIds, facts.DocumentIds);
        AddList(derived, own, A.RetrievalSnippets, facts.DocumentSnippets);
        if (facts.DocumentScores.Any(score => score.Length > 0))
        {
            AddList(derived, own, A.RetrievalScores, facts.DocumentScores);
        }
        if (derived.Count == 0)
        {
            return own;
        }

        var merged = new Dictionary<string, AnyValue>(own, StringComparer.Ordinal);
        foreach (var (key, value) in derived)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static void Add(List<(string, AnyValue)> derived, IReadOnlyDictionary<string, AnyValue> own, string key, string? value)
    {
        if (value is not null && !own.ContainsKey(key))
        {
            derived.Add((key, new AnyValue { StringValue = value }));
        }
    }

    private static void AddNumber(List<(string, AnyValue)> derived, IReadOnlyDictionary<string, AnyValue> own, string key, long? value)
    {
        if (value is { } number && !own.ContainsKey(key))
        {
            derived.Add((key, new AnyValue { IntValue = number }));
        }
    }

    private static void AddList(List<(string, AnyValue)> derived, IReadOnlyDictionary<string, AnyValue> own, string key, List<string> values)
    {
        if (values.Count > 0 && !own.ContainsKey(key))
        {
            var array = new ArrayValue();
            array.Values.AddRange(values.Select(v => new AnyValue { StringValue = v }));
            derived.Add((key, new AnyValue { ArrayValue = array }));
        }
    }
}
