using TraceExplorer.Core.Model;

namespace TraceExplorer.Testing;

/// <summary>Small, exact data sets for tests whose expected numbers are worked out by hand.</summary>
public static class HandBuilt
{
    public static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Run Run(string runId, double durationMs, DateTime? start = null, RunStatus status = RunStatus.Ok, string? policy = null, string? prompt = null,
        int stepCount = 0, int toolCalls = 0, string? route = "primary", string? models = null) => new()
    {
        RunId = runId,
        RequestId = "req-" + runId,
        TraceId = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(runId))),
        AgentName = "support-agent",
        Route = route,
        Status = status,
        StartTime = start ?? Start,
        EndTime = (start ?? Start).AddMilliseconds(durationMs),
        DurationMs = durationMs,
        StepCount = stepCount,
        ToolCallCount = toolCalls,
        PolicyVersion = policy,
        PromptVersion = prompt,
        Models = models,
    };

    public static Step Step(Run run, int number, StepKind kind, string name, double durationMs, string? tool = null, StepStatus status = StepStatus.Ok,
        string? argumentsHash = null, bool? validationPassed = null, string? schema = null, string? failureReason = null) => new()
    {
        TraceId = run.TraceId,
        SpanId = $"{number:x16}",
        RunId = run.RunId,
        StepNumber = number,
        Kind = kind,
        Name = name,
        StartTime = run.StartTime.AddMilliseconds(number),
        DurationMs = durationMs,
        Status = status,
        ToolName = tool,
        ToolArgumentsHash = argumentsHash,
        ValidationPassed = validationPassed,
        ValidationSchema = schema,
        ValidationFailureReason = failureReason,
    };
}
