using System.Text.Json;
using TraceExplorer.Core.Model;
using TraceExplorer.Otlp.Conventions;
using TraceExplorer.Otlp.Mapping;
using static TraceExplorer.Testing.OtlpSpans;
using A = TraceExplorer.Core.Conventions.AgentAttributes;

namespace TraceExplorer.Tests.Ingest.Frameworks;

/// <summary>The convention forms no framework dump has: GenAI's older events, OpenLLMetry's indexed messages, OpenInference documents.</summary>
public sealed class ConventionReadersTests
{
    private static readonly OtlpTraceMapper Mapper = new(new IngestMappingOptions { EndUserHashKey = "test-key" });
    private static readonly string Trace = TraceHex(77);

    [Fact]
    public void GenAI_message_events_become_the_steps_messages()
    {
        var span = Span(Trace, SpanHex(1), null, "chat gpt-4o", 0, 10, ("gen_ai.operation.name", "chat"));
        span.Events.Add(Event("gen_ai.system.message", 0, ("content", "Be brief.")));
        span.Events.Add(Event("gen_ai.user.message", 0, ("content", "Hi?")));
        span.Events.Add(Event("gen_ai.tool.message", 0, ("id", "call_1"), ("content", "42")));
        span.Events.Add(Event("gen_ai.choice", 5, ("finish_reason", "stop"), ("message", """{"role":"assistant","content":"Hello."}""")));

        var (step, run) = MapOne(span);
        var messages = Messages(step);

        Assert.Equal(["system", "user", "tool", "assistant"], messages.Select(m => m.Role));
        Assert.Equal(ChatPart.ToolResult("call_1", "42"), messages[2].Parts.Single());
        Assert.Equal(("Hello.", "stop", true), (messages[3].Text, messages[3].FinishReason, messages[3].Output));
        Assert.Equal(("Hi?", "Hello."), (run.Input, run.Output));
    }

    [Fact]
    public void OpenLLMetry_indexed_prompts_and_completions_are_read()
    {
        var span = Span(Trace, SpanHex(1), SpanHex(0), "openai.chat", 0, 10,
            ("gen_ai.prompt.0.role", "user"), ("gen_ai.prompt.0.content", "Refund?"),
            ("gen_ai.completion.0.role", "assistant"), ("gen_ai.completion.0.finish_reason", "tool_calls"),
            ("gen_ai.completion.0.tool_calls.0.id", "call_9"), ("gen_ai.completion.0.tool_calls.0.name", "kb_search"),
            ("gen_ai.completion.0.tool_calls.0.arguments", """{"query":"refund"}"""));

        var messages = Messages(MapOne(span).Step);

        Assert.Equal("Refund?", messages[0].Text);
        Assert.Equal(ChatPart.ToolCall("call_9", "kb_search", """{"query":"refund"}"""), messages[1].Parts.Single());
    }

    [Fact]
    public void OpenLLMetry_tool_spans_give_the_call_from_the_wrapped_functions_arguments()
    {
        var span = Span(Trace, SpanHex(1), SpanHex(0), "kb_search.tool", 0, 10, ("traceloop.span.kind", "tool"),
            ("traceloop.entity.name", "kb_search"), ("traceloop.entity.input", """{"args":[],"kwargs":{"query":"refund"}}"""),
            ("traceloop.entity.output", """{"hits":[]}"""));

        var step = MapOne(span).Step;

        Assert.Equal((StepKind.Tool, "kb_search"), (step.Kind, step.ToolName));
        Assert.Equal("""{"query":"refund"}""", Attribute(step, A.ToolArguments));
        Assert.Equal("""{"hits":[]}""", Attribute(step, A.ToolResult));
    }

    [Fact]
    public void OpenInference_documents_feed_the_retrieval_fields()
    {
        var span = Span(Trace, SpanHex(1), SpanHex(0), "retrieve", 0, 10, ("openinference.span.kind", "RETRIEVER"),
            ("retrieval.documents.0.document.id", "kb-1"), ("retrieval.documents.0.document.content", "Refunds within 30 days."),
            ("retrieval.documents.1.document.id", "kb-2"));

        var step = MapOne(span).Step;

        Assert.Equal(StepKind.Retrieve, step.Kind);
        using var attributes = JsonDocument.Parse(step.AttributesJson!);
        Assert.Equal(["kb-1", "kb-2"], attributes.RootElement.GetProperty(A.RetrievalDocumentIds).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Refunds within 30 days."], attributes.RootElement.GetProperty(A.RetrievalSnippets).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void What_the_span_says_itself_wins_over_what_is_derived()
    {
        var span = Span(Trace, SpanHex(1), null, "invoke_agent", 0, 10, ("gen_ai.operation.name", "invoke_agent"),
            ("agent.input", "the real input"), ("agent.name", "billing"), ("gen_ai.agent.name", "framework-name"),
            ("gen_ai.input.messages", """[{"role":"user","parts":[{"type":"text","content":"derived"}]}]"""));

        var run = MapOne(span).Run;

        Assert.Equal(("the real input", "billing"), (run.Input, run.AgentName));
    }

    private static (Step Step, Core.Ingest.RunAttributes Run) MapOne(OpenTelemetry.Proto.Trace.V1.Span span)
    {
        var mapped = Assert.Single(Mapper.Map(Request([span])).Spans);
        return (mapped.Step, mapped.Run);
    }

    private static IReadOnlyList<ChatMessage> Messages(Step step) => MessagesJson.Read(Attribute(step, A.Messages));

    private static string Attribute(Step step, string key)
    {
        using var document = JsonDocument.Parse(step.AttributesJson ?? "{}");
        return document.RootElement.TryGetProperty(key, out var value) ? value.GetString() ?? "" : "";
    }
}
