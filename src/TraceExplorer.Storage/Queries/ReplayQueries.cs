using TraceExplorer.Core.Conventions;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Replay;

namespace TraceExplorer.Storage.Queries;

/// <summary>Builds a run's replay bundle from the store, reading its steps page by page.</summary>
public sealed class ReplayQueries(RunQueries runs)
{
    private const int PageSize = RunQueries.MaxStepPageSize;

    /// <returns>The bundle, or null when the run does not exist.</returns>
    public async Task<ReplayBundle?> GetBundleAsync(string runId, CancellationToken cancellationToken = default)
    {
        var run = await runs.GetRunAsync(runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var all = new List<StepItem>(run.StepCount);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await runs.GetStepsAsync(runId, offset, PageSize, cancellationToken) ?? [];
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        // What the agent did, as the run page shows it by default: plumbing and repeated tool spans are left out.
        var steps = AgentSteps.Of(all).Select(step => ToReplay(step, run.StartTime)).ToList();

        var decisions = await runs.GetDecisionsAsync(runId, cancellationToken) ?? [];
        return new ReplayBundle
        {
            Run = new ReplayRun(run.RunId, run.RequestId, run.TraceId, run.AgentName, run.Route, Lower(run.Status), run.StartTime, run.DurationMs,
                new ReplayVersions(run.Versions.PromptVersion, run.Versions.PolicyVersion, run.Versions.ToolContractVersion, run.Versions.RouteConfigVersion),
                run.Input, run.Output),
            Steps = steps,
            OmittedSteps = all.Count - steps.Count,
            Decisions = decisions.Select(d => new ReplayDecision(d.Time, DecisionKindName(d.Kind), d.Outcome, d.Reason, d.PolicyId, d.Actor, d.Target, d.StepNumber)).ToList(),
        };
    }

    private static ReplayStep ToReplay(StepItem step, DateTime runStart) => new()
    {
        StepNumber = step.StepNumber,
        SpanId = step.SpanId,
        ParentSpanId = step.ParentSpanId,
        Kind = Lower(step.Kind),
        Name = step.Name,
        StartOffsetMs = (step.StartTime - runStart).TotalMilliseconds,
        DurationMs = step.DurationMs,
        Status = Lower(step.Status),
        Error = step.Status == StepStatus.Error || step.ErrorType is not null
            ? new ReplayError(step.ErrorType, step.ErrorMessage, step.ErrorType?.Contains("timeout", StringComparison.OrdinalIgnoreCase) == true)
            : null,
        Model = step.Model is not null || step.Provider is not null
            ? new ReplayModelCall(step.Provider, step.Model, step.Temperature, step.MaxTokens, step.InputTokens, step.OutputTokens, Messages(step))
            : null,
        ToolCall = step.ToolCallId is not null || (step.Kind == StepKind.Tool && step.ToolName is not null)
            ? new ReplayToolCall(step.ToolCallId, step.ToolName, step.ToolArgumentsHash,
                StepAttributes.Get(step.Attributes, AgentAttributes.ToolArguments), StepAttributes.Get(step.Attributes, AgentAttributes.ToolResult))
            : null,
        Retrieval = StepAttributes.List(step.Attributes, AgentAttributes.RetrievalDocumentIds) is { Count: > 0 } || step.Kind == StepKind.Retrieve
            ? new ReplayRetrieval(StepAttributes.List(step.Attributes, AgentAttributes.RetrievalDocumentIds), StepAttributes.List(step.Attributes, AgentAttributes.RetrievalSnippets))
            : null,
        Validation = step.ValidationSchema is not null || step.ValidationPassed is not null
            ? new ReplayValidation(step.ValidationSchema, step.ValidationPassed, step.ValidationFailureReason)
            : null,
    };

    /// <summary>The call's normalized messages (docs/conventions.md), as the step details show them.</summary>
    private static System.Text.Json.JsonElement? Messages(StepItem step) =>
        StepAttributes.Json(step.Attributes, AgentAttributes.Messages) is { ValueKind: System.Text.Json.JsonValueKind.Array } messages ? messages : null;

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string DecisionKindName(DecisionKind kind) => kind == DecisionKind.PolicyBlock ? "policy_block" : Lower(kind);
}
