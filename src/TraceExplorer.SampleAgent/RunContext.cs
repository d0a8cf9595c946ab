using System.Diagnostics;

namespace TraceExplorer.SampleAgent;

/// <summary>
/// What identifies one run. TraceExplorer groups steps into runs by agent.run_id, so every span carries these,
/// not only the root: a batch that holds only children still lands in the right run.
/// </summary>
internal sealed class RunContext
{
    public const string AgentName = "sample-support-agent";
    public const string Route = "primary";
    public const string PromptVersion = "sample-prompt-v1";
    public const string PolicyVersion = "sample-policy-v1";
    public const string ToolContractVersion = "sample-tools-v1";
    public const string RouteConfigVersion = "sample-routes-v1";

    public RunContext(string runId, string requestId)
    {
        RunId = runId;
        RequestId = requestId;
    }

    public string RunId { get; }

    public string RequestId { get; }

    /// <summary>For a replay: the run replayed, whose versions this run reuses.</summary>
    public string? ReplayOf { get; init; }

    public string Prompt { get; init; } = PromptVersion;

    public string Policy { get; init; } = PolicyVersion;

    public string ToolContract { get; init; } = ToolContractVersion;

    public string RouteConfig { get; init; } = RouteConfigVersion;

    public void Tag(Activity activity)
    {
        activity.SetTag("agent.run_id", RunId);
        activity.SetTag("agent.request_id", RequestId);
        activity.SetTag("agent.name", AgentName);
        activity.SetTag("agent.route", Route);
        activity.SetTag("agent.prompt_version", Prompt);
        activity.SetTag("agent.policy_version", Policy);
        activity.SetTag("agent.tool_contract_version", ToolContract);
        activity.SetTag("agent.route_config_version", RouteConfig);
        if (ReplayOf is not null)
        {
            activity.SetTag("agent.parent_run_id", ReplayOf);
            activity.SetTag("agent.run.relation", "replay");
        }
    }
}
