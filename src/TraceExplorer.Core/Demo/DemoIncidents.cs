namespace TraceExplorer.Core.Demo;

/// <summary>
/// The changes planted in the demo traffic, and what they break. Later pages (analytics, comparison)
/// must surface each of them, so tests and docs refer to these values rather than repeating them.
/// </summary>
public static class DemoIncidents
{
    /// <summary>After this policy, orders.lookup (step 7) waits on an egress check and often times out.</summary>
    public static readonly Rollout Policy = new("policy-2026.11.1", "policy-2026.11.2", StartDay: 9, RampHours: 6);

    /// <summary>After this prompt, the final reply fails its schema validation far more often.</summary>
    public static readonly Rollout Prompt = new("support-prompt-v3.2", "support-prompt-v3.3", StartDay: 5, RampHours: 4);

    /// <summary>After this route config, part of the traffic goes to a fallback route that repeats retrieval with identical arguments.</summary>
    public static readonly Rollout RouteConfig = new("routes-v7", "routes-v8", StartDay: 11, RampHours: 3);

    /// <summary>A benign change: nothing gets worse, so comparisons must not flag it.</summary>
    public static readonly Rollout ToolContract = new("tools-v41", "tools-v42", StartDay: 3, RampHours: 2);

    public const string TimingOutTool = "orders.lookup";
    public const int TimingOutStep = 7;
    public const double ToolTimeoutMs = 30_000;
    public const string FallbackRoute = "fallback-small";
    public const string PrimaryRoute = "primary";
    public const string RepeatedRetrievalTool = "kb.search";
    public const string FailingReplySchema = "support_reply@v3";
}
