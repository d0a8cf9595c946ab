using TraceExplorer.Core.Model;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>A span's step kind: from the agent.* span name, else the GenAI operation, else the OpenInference span kind.</summary>
public static class StepKindResolver
{
    public static StepKind Resolve(string spanName, string? genAiOperation, string? openInferenceKind) =>
        FromSpanName(spanName) ?? FromGenAiOperation(genAiOperation) ?? FromOpenInference(openInferenceKind) ?? StepKind.Other;

    private static StepKind? FromSpanName(string name) => name switch
    {
        "agent.plan" => StepKind.Plan,
        "agent.retrieve" => StepKind.Retrieve,
        "agent.model" => StepKind.Model,
        "agent.tool" => StepKind.Tool,
        "agent.validate" => StepKind.Validate,
        _ => null,
    };

    private static StepKind? FromGenAiOperation(string? operation) => operation switch
    {
        "chat" or "text_completion" or "generate_content" => StepKind.Model,
        "execute_tool" => StepKind.Tool,
        "embeddings" or "retrieval" => StepKind.Retrieve,
        "invoke_agent" or "create_agent" => StepKind.Plan,
        _ => null,
    };

    private static StepKind? FromOpenInference(string? kind) => kind?.ToUpperInvariant() switch
    {
        "LLM" => StepKind.Model,
        "TOOL" => StepKind.Tool,
        "RETRIEVER" or "RERANKER" => StepKind.Retrieve,
        "GUARDRAIL" or "EVALUATOR" => StepKind.Validate,
        "AGENT" or "CHAIN" => StepKind.Plan,
        _ => null,
    };
}
