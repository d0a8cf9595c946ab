using TraceExplorer.Core.Model;

namespace TraceExplorer.Otlp.Conventions;

/// <summary>
/// A span's step kind: from the agent.* span name, else the GenAI operation, else the OpenInference span kind, else the
/// Vercel AI SDK's ai.operationId, else OpenLLMetry's traceloop.span.kind, else the few span names frameworks use
/// without any of these (MEAI's orchestrate_tools).
/// </summary>
public static class StepKindResolver
{
    public static StepKind Resolve(string spanName, string? genAiOperation, string? openInferenceKind, string? aiOperationId = null, string? traceloopKind = null) =>
        FromSpanName(spanName) ?? FromGenAiOperation(genAiOperation) ?? FromOpenInference(openInferenceKind)
        ?? FromAiOperationId(aiOperationId) ?? FromTraceloop(traceloopKind) ?? FromFrameworkSpanName(spanName) ?? StepKind.Other;

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
        "invoke_agent" or "create_agent" or "orchestrate_tools" or "invoke_workflow" => StepKind.Plan,
        // AI SDK 7's "step N": a grouping with nothing of its own.
        "agent_step" => StepKind.Plumbing,
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

    // ai.generateText / ai.streamText / ai.generateObject call the model through .doGenerate / .doStream.
    private static StepKind? FromAiOperationId(string? operationId) => operationId switch
    {
        null => null,
        "ai.toolCall" => StepKind.Tool,
        _ when operationId.EndsWith(".doGenerate", StringComparison.Ordinal) || operationId.EndsWith(".doStream", StringComparison.Ordinal) => StepKind.Model,
        _ when operationId.StartsWith("ai.embed", StringComparison.Ordinal) => StepKind.Retrieve,
        _ when operationId.StartsWith("ai.", StringComparison.Ordinal) => StepKind.Plan,
        _ => null,
    };

    private static StepKind? FromTraceloop(string? kind) => kind switch
    {
        "workflow" or "agent" or "task" => StepKind.Plan,
        "tool" => StepKind.Tool,
        _ => null,
    };

    private static StepKind? FromFrameworkSpanName(string name) => name switch
    {
        "orchestrate_tools" => StepKind.Plan,
        _ => null,
    };
}
