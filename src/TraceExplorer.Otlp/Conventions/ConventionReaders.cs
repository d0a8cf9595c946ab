using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// Reads a span through every convention family TraceExplorer knows (docs/conventions.md, "What each stack sends"),
/// GenAI first, then OpenInference, the Vercel AI SDK and OpenLLMetry; the first that says something wins.
/// </summary>
internal static class ConventionReaders
{
    public static SpanFacts Read(Span span, AttributeMap attributes)
    {
        var facts = new SpanFacts();
        var hasParent = !span.ParentSpanId.IsEmpty;
        GenAiReader.Read(attributes, facts);
        OpenInferenceReader.Read(attributes, facts, span.Name, hasParent);
        VercelAiReader.Read(attributes, facts);
        OpenLlmetryReader.Read(attributes, facts);
        if (facts.InputMessages.Count == 0 && facts.OutputMessages.Count == 0 && span.Events.Count > 0)
        {
            GenAiEventsReader.Read(span.Events.Select(e => (e.Name, new AttributeMap(e.Attributes))), facts);
        }

        // The run's input is the first thing a user said to it, its output the last answer given.
        facts.Input ??= facts.InputMessages.FirstOrDefault(m => m.Role == "user" && m.Text.Length > 0)?.Text;
        facts.Output ??= facts.OutputMessages.LastOrDefault(m => m.Role == "assistant" && m.Text.Length > 0)?.Text;
        return facts;
    }
}
