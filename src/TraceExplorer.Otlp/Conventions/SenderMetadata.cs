using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>A sender's own metadata, which frameworks put under a prefix or in one JSON object; a session id among it names the run's session.</summary>
internal static class SenderMetadata
{
    public static bool IsSessionKey(string name) => name is "sessionId" or "session_id" or "session.id" or "conversationId" or "conversation_id";

    /// <summary>Metadata flattened under a prefix: the AI SDK's ai.telemetry.metadata.*, Traceloop's association properties.</summary>
    public static void Read(AttributeMap attributes, SpanFacts facts, string prefix)
    {
        foreach (var (key, value) in attributes.Own.Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = key[prefix.Length..];
            facts.AddMetadata(name, AttributeMap.AsText(value));
            if (IsSessionKey(name))
            {
                facts.SessionId ??= AttributeMap.AsText(value);
            }
        }
    }
}
