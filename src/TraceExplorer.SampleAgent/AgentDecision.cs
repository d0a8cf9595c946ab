using System.Diagnostics;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// One entry of the run's decision log. Sent as a span event rather than a log record so it needs no logs
/// pipeline and keeps the span it was made in, which TraceExplorer shows beside the decision.
/// </summary>
internal sealed record AgentDecision(string Kind, string Outcome, string Reason, string PolicyId, string Actor, string Target)
{
    public static AgentDecision Routing(string intent, string policyId) =>
        new("routing", RunContext.Route, $"intent '{intent}' is served by the {RunContext.Route} route", policyId, "planner", RunContext.Route);

    public static AgentDecision Audit(string toolName, string callId, string status) =>
        new("audit", "recorded", $"tool call {callId} recorded with status {status}", "audit.tool-calls-v1", RunContext.AgentName, toolName);

    public static AgentDecision HandOff(string reason, string policyId) =>
        new("fallback", "handoff_to_human", reason, policyId, RunContext.AgentName, "human-support-queue");

    public void AddTo(Activity? activity) => activity?.AddEvent(new ActivityEvent("agent.decision", tags: new ActivityTagsCollection
    {
        ["agent.decision.kind"] = Kind,
        ["agent.decision.outcome"] = Outcome,
        ["agent.decision.reason"] = Reason,
        ["agent.decision.policy_id"] = PolicyId,
        ["agent.decision.actor"] = Actor,
        ["agent.decision.target"] = Target,
    }));
}
