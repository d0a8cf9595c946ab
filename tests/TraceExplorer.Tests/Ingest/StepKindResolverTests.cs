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
}
