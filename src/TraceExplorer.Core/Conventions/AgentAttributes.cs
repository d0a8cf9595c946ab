namespace TraceExplorer.Core.Conventions;

/// <summary>The attribute names TraceExplorer reads, in one place; docs/conventions.md explains each.</summary>
public static class AgentAttributes
{
    // Run
    public const string RunId = "agent.run_id";
    public const string RequestId = "agent.request_id";
    public const string ParentRunId = "agent.parent_run_id";
    public const string RunRelation = "agent.run.relation";
    public const string AgentName = "agent.name";
    public const string GenAiAgentName = "gen_ai.agent.name";
    public const string ServiceName = "service.name";
    public const string Route = "agent.route";
    public const string PromptVersion = "agent.prompt_version";
    public const string PolicyVersion = "agent.policy_version";
    public const string ToolContractVersion = "agent.tool_contract_version";
    public const string RouteConfigVersion = "agent.route_config_version";
    public const string Input = "agent.input";
    public const string Output = "agent.output";
    public const string EndUserId = "enduser.id";
    public const string ComplaintId = "agent.complaint_id";

    // Step
    public const string StepId = "agent.step_id";
    public const string GenAiOperationName = "gen_ai.operation.name";
    public const string OpenInferenceSpanKind = "openinference.span.kind";
    public const string AiOperationId = "ai.operationId";
    public const string TraceloopSpanKind = "traceloop.span.kind";

    /// <summary>A step's messages, normalized from whichever convention carried them (docs/conventions.md).</summary>
    public const string Messages = "traceexplorer.messages";

    // Also derived from the conventions (docs/conventions.md): what the step details show beside the messages.
    public const string ToolsOffered = "traceexplorer.tools";
    public const string Description = "traceexplorer.description";
    public const string SessionId = "traceexplorer.session_id";
    public const string ResponseId = "traceexplorer.response_id";
    public const string CacheReadTokens = "traceexplorer.usage.cache_read_tokens";
    public const string CacheWriteTokens = "traceexplorer.usage.cache_write_tokens";
    public const string Metadata = "traceexplorer.metadata";
    public const string Tags = "traceexplorer.tags";
    public const string ToolCallId = "agent.tool_call_id";
    public const string GenAiToolCallId = "gen_ai.tool.call.id";
    public const string OpenInferenceToolCallId = "tool_call.id";
    public const string GenAiToolName = "gen_ai.tool.name";
    public const string OpenInferenceToolName = "tool.name";
    public const string ToolArguments = "gen_ai.tool.call.arguments";
    public const string ToolResult = "gen_ai.tool.call.result";
    public const string GenAiProvider = "gen_ai.provider.name";
    public const string GenAiSystem = "gen_ai.system";
    public const string LlmProvider = "llm.provider";
    public const string LlmSystem = "llm.system";
    public const string RequestModel = "gen_ai.request.model";
    public const string ResponseModel = "gen_ai.response.model";
    public const string LlmModelName = "llm.model_name";
    public const string Temperature = "gen_ai.request.temperature";
    public const string MaxTokens = "gen_ai.request.max_tokens";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string LlmPromptTokens = "llm.token_count.prompt";
    public const string LlmCompletionTokens = "llm.token_count.completion";
    public const string RetrievalDocumentIds = "agent.retrieval.document_ids";
    public const string RetrievalSnippets = "agent.retrieval.snippets";
    /// <summary>Each retrieved document's score, in the order of <see cref="RetrievalDocumentIds"/> (empty where none was sent).</summary>
    public const string RetrievalScores = "agent.retrieval.scores";
    public const string ValidationSchema = "agent.validation.schema";
    public const string ValidationPassed = "agent.validation.passed";
    public const string ValidationFailureReason = "agent.validation.failure_reason";
    public const string ErrorType = "error.type";
    public const string ExceptionEvent = "exception";
    public const string ExceptionType = "exception.type";
    public const string ExceptionMessage = "exception.message";

    // Decisions: log records and span events named agent.decision.
    public const string DecisionEvent = "agent.decision";
    public const string EventName = "event.name";
    public const string DecisionKind = "agent.decision.kind";
    public const string DecisionOutcome = "agent.decision.outcome";
    public const string DecisionReason = "agent.decision.reason";
    public const string DecisionPolicyId = "agent.decision.policy_id";
    public const string DecisionActor = "agent.decision.actor";
    public const string DecisionTarget = "agent.decision.target";

    /// <summary>Attributes whose values become columns, so the attributes JSON does not repeat them.</summary>
    public static readonly IReadOnlySet<string> StoredAsColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        StepId, ToolCallId, GenAiToolCallId, OpenInferenceToolCallId, GenAiToolName, OpenInferenceToolName,
        GenAiProvider, GenAiSystem, LlmProvider, LlmSystem, RequestModel, LlmModelName, Temperature, MaxTokens,
        InputTokens, OutputTokens, LlmPromptTokens, LlmCompletionTokens, ValidationSchema, ValidationPassed,
        ValidationFailureReason, ErrorType, Input, Output, EndUserId,
    };
}
