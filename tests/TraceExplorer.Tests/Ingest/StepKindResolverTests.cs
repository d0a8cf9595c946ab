using TraceExplorer.Core.Model;
using TraceExplorer.Otlp.Conventions;

namespace TraceExplorer.Tests.Ingest;

public sealed class StepKindResolverTests
{
    [Theory]
    [InlineData("agent.plan", null, null, StepKind.Plan)]
    [InlineData("agent.retrieve", null, null, StepKind.Retrieve)]
    [InlineData("agent.model", "execute_tool", null, StepKind.Model)]
    [InlineData("agent.tool", null, null, StepKind.Tool)]
    [InlineData("agent.validate", null, null, StepKind.Validate)]
    [InlineData("chat gpt-4o", "chat", null, StepKind.Model)]
    [InlineData("x", "text_completion", null, StepKind.Model)]
    [InlineData("x", "generate_content", null, StepKind.Model)]
    [InlineData("execute_tool search", "execute_tool", "LLM", StepKind.Tool)]
    [InlineData("x", "embeddings", null, StepKind.Retrieve)]
    [InlineData("x", "retrieval", null, StepKind.Retrieve)]
    [InlineData("x", "invoke_agent", null, StepKind.Plan)]
    [InlineData("x", "create_agent", null, StepKind.Plan)]
    [InlineData("x", null, "LLM", StepKind.Model)]
    [InlineData("x", null, "TOOL", StepKind.Tool)]
    [InlineData("x", null, "RETRIEVER", StepKind.Retrieve)]
    [InlineData("x", null, "RERANKER", StepKind.Retrieve)]
    [InlineData("x", null, "GUARDRAIL", StepKind.Validate)]
    [InlineData("x", null, "EVALUATOR", StepKind.Validate)]
    [InlineData("x", null, "AGENT", StepKind.Plan)]
    [InlineData("x", null, "chain", StepKind.Plan)]
    [InlineData("HTTP GET", "unknown", "EMBEDDING", StepKind.Other)]
    public void The_span_name_wins_then_the_genai_operation_then_openinference(string name, string? operation, string? openInference, StepKind expected) =>
        Assert.Equal(expected, StepKindResolver.Resolve(name, operation, openInference));

    [Theory]
    [InlineData("orchestrate_tools", null, null, null, null, StepKind.Plan)]
    [InlineData("x", "orchestrate_tools", null, null, null, StepKind.Plan)]
    [InlineData("step 1", "agent_step", null, null, null, StepKind.Plumbing)]
    [InlineData("ai.generateText", null, null, "ai.generateText", null, StepKind.Plan)]
    [InlineData("ai.generateText.doGenerate", null, null, "ai.generateText.doGenerate", null, StepKind.Model)]
    [InlineData("ai.streamText.doStream", null, null, "ai.streamText.doStream", null, StepKind.Model)]
    [InlineData("ai.toolCall", null, null, "ai.toolCall", null, StepKind.Tool)]
    [InlineData("ai.embedMany", null, null, "ai.embedMany", null, StepKind.Retrieve)]
    [InlineData("support-agent.agent", null, null, null, "agent", StepKind.Plan)]
    [InlineData("kb_search.tool", null, null, null, "tool", StepKind.Tool)]
    [InlineData("chat x", "chat", null, null, "task", StepKind.Model)]
    [InlineData("x", null, null, "other.thing", "unknown", StepKind.Other)]
    public void The_ai_sdk_operation_id_then_traceloop_kind_then_framework_span_names(
        string name, string? operation, string? openInference, string? aiOperationId, string? traceloopKind, StepKind expected) =>
        Assert.Equal(expected, StepKindResolver.Resolve(name, operation, openInference, aiOperationId, traceloopKind));

    [Theory]
    [InlineData(StepKind.Plan, "agent", true, "CHAIN", StepKind.Plumbing)]
    [InlineData(StepKind.Plan, "support-agent", false, "CHAIN", StepKind.Plan)]
    [InlineData(StepKind.Other, "__start__", true, null, StepKind.Plumbing)]
    [InlineData(StepKind.Other, "ChannelWrite<messages>", true, null, StepKind.Plumbing)]
    [InlineData(StepKind.Plan, "RunnableSequence", true, null, StepKind.Plumbing)]
    [InlineData(StepKind.Model, "RunnableLambda", true, "LLM", StepKind.Model)]
    [InlineData(StepKind.Tool, "tools", true, null, StepKind.Tool)]
    [InlineData(StepKind.Plan, "invoke_agent", true, null, StepKind.Plan)]
    [InlineData(StepKind.Other, "HTTP GET", true, null, StepKind.Other)]
    public void Wiring_below_the_root_is_plumbing(StepKind kind, string name, bool hasParent, string? openInference, StepKind expected) =>
        Assert.Equal(expected, PlumbingRule.Apply(kind, name, hasParent, openInference));
}
