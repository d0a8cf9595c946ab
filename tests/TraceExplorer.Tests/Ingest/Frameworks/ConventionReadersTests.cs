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
            ("retrieval.documents.0.document.score", 0.91), ("retrieval.documents.1.document.id", "kb-2"));

        var step = MapOne(span).Step;

        Assert.Equal(StepKind.Retrieve, step.Kind);
        using var attributes = JsonDocument.Parse(step.AttributesJson!);
        Assert.Equal(["kb-1", "kb-2"], attributes.RootElement.GetProperty(A.RetrievalDocumentIds).EnumerateArray().Select(e => e.GetString()));
        // Kept side by side with the ids: the second document has no content and no score.
        Assert.Equal(["Refunds within 30 days.", ""], attributes.RootElement.GetProperty(A.RetrievalSnippets).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["0.91", ""], attributes.RootElement.GetProperty(A.RetrievalScores).EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_rerankers_output_documents_are_the_steps_documents()
    {
        var span = Span(Trace, SpanHex(1), SpanHex(0), "rerank", 0, 10, ("openinference.span.kind", "RERANKER"),
            ("reranker.input_documents.0.document.id", "kb-9"), ("reranker.output_documents.0.document.id", "kb-2"),
            ("reranker.output_documents.0.document.score", 0.5));

        using var attributes = JsonDocument.Parse(MapOne(span).Step.AttributesJson!);

        Assert.Equal(["kb-2"], attributes.RootElement.GetProperty(A.RetrievalDocumentIds).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["0.5"], attributes.RootElement.GetProperty(A.RetrievalScores).EnumerateArray().Select(e => e.GetString()));
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

    [Fact]
    public void GenAI_tool_definitions_cache_tokens_conversation_and_response_id_are_read()
    {
        var span = Span(Trace, SpanHex(1), SpanHex(0), "chat gpt-4o", 0, 10, ("gen_ai.operation.name", "chat"),
            ("gen_ai.tool.definitions", """[{"type":"function","function":{"name":"orders_lookup","description":"Looks up an order.","parameters":{"type":"object"}}},{"type":"function","name":"kb_search"}]"""),
            ("gen_ai.usage.input_tokens", 120L), ("gen_ai.usage.cache_read.input_tokens", 80L), ("gen_ai.usage.cache_creation.input_tokens", 16L),
            ("gen_ai.conversation.id", "conv_8f3a2b"), ("gen_ai.response.id", "chatcmpl-42"));

        var step = MapOne(span).Step;
        var tools = ToolDefinitionsJson.Read(Attribute(step, A.ToolsOffered));

        Assert.Equal([new ToolDefinition("orders_lookup", "Looks up an order.", """{"type":"object"}"""), new ToolDefinition("kb_search", null, null)], tools);
        Assert.Equal((120L, "80", "16"), (step.InputTokens!.Value, Raw(step, A.CacheReadTokens), Raw(step, A.CacheWriteTokens)));
        Assert.Equal(("conv_8f3a2b", "chatcmpl-42"), (Attribute(step, A.SessionId), Attribute(step, A.ResponseId)));
    }

    [Fact]
    public void OpenInference_tool_schema_metadata_tags_and_cache_tokens_are_read()
    {
        var span = Span(Trace, SpanHex(1), SpanHex(0), "orders_lookup", 0, 10, ("openinference.span.kind", "TOOL"), ("tool.name", "orders_lookup"),
            ("tool.description", "Looks up an order by id."), ("tool.parameters", """{"type":"object","properties":{"id":{"type":"string"}}}"""),
            ("metadata", """{"session_id":"session-7","langgraph_step":3}"""), ("tag.tags", new[] { "beta", "eu" }),
            ("llm.token_count.prompt_details.cache_read", 64L));

        var step = MapOne(span).Step;

        Assert.Equal("Looks up an order by id.", Attribute(step, A.Description));
        Assert.Equal("orders_lookup", Assert.Single(ToolDefinitionsJson.Read(Attribute(step, A.ToolsOffered))).Name);
        Assert.Equal("session-7", Attribute(step, A.SessionId));
        Assert.Equal("""{"langgraph_step":"3","session_id":"session-7"}""", Raw(step, A.Metadata));
        Assert.Equal("""["beta","eu"]""", Raw(step, A.Tags));
        Assert.Equal("64", Raw(step, A.CacheReadTokens));
    }

    [Fact]
    public void AI_SDK_telemetry_metadata_and_Traceloop_association_properties_are_metadata_with_the_session()
    {
        var sdk = Span(Trace, SpanHex(1), null, "ai.generateText", 0, 10, ("ai.operationId", "ai.generateText"),
            ("ai.telemetry.metadata.sessionId", "session-7"), ("ai.telemetry.metadata.plan", "pro"), ("ai.usage.cachedInputTokens", 32L));
        var traceloop = Span(Trace, SpanHex(2), SpanHex(1), "support.agent", 0, 10, ("traceloop.span.kind", "agent"),
            ("traceloop.association.properties.session_id", "session-8"));

        var first = MapOne(sdk).Step;
        var second = MapOne(traceloop).Step;

        Assert.Equal(("session-7", "32"), (Attribute(first, A.SessionId), Raw(first, A.CacheReadTokens)));
        Assert.Equal("""{"plan":"pro","sessionId":"session-7"}""", Raw(first, A.Metadata));
        Assert.Equal("session-8", Attribute(second, A.SessionId));
    }

    private static string Raw(Step step, string key)
    {
        using var document = JsonDocument.Parse(step.AttributesJson ?? "{}");
        return document.RootElement.TryGetProperty(key, out var value) ? value.GetRawText() : "";
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
