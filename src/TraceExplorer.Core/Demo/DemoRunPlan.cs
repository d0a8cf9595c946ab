using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Demo;

/// <summary>What is decided about a demo run before its steps are generated.</summary>
internal sealed record DemoRunPlan(
    string RunId,
    string RequestId,
    string TraceId,
    string AgentName,
    string Route,
    DateTime Start,
    string PromptVersion,
    string PolicyVersion,
    string ToolContractVersion,
    string RouteConfigVersion,
    string EndUserHash,
    string? ParentRunId = null,
    RunRelation Relation = RunRelation.None,
    DemoConversation? Conversation = null);
