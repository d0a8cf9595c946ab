using TraceExplorer.Core.Compare;
using TraceExplorer.Core.Conventions;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Storage.Queries;

/// <summary>Compares two runs: steps aligned on kind and tool or name, then what changed in each aligned pair.</summary>
public sealed class RunDiffQueries(RunQueries runs)
{
    /// <summary>Steps compared per run; longer runs are compared on their first steps and the diff says so.</summary>
    public const int MaxSteps = 2000;

    /// <returns>Null when either run does not exist.</returns>
    public async Task<RunDiff?> DiffAsync(string runA, string runB, CancellationToken cancellationToken = default)
    {
        var a = await runs.GetRunAsync(runA, cancellationToken);
        var b = await runs.GetRunAsync(runB, cancellationToken);
        if (a is null || b is null)
        {
            return null;
        }

        // Compared as the run page shows them: no plumbing, no tool span that repeats its parent's call.
        var stepsA = AgentSteps.Of(await runs.GetStepsAsync(runA, 0, MaxSteps, cancellationToken) ?? []);
        var stepsB = AgentSteps.Of(await runs.GetStepsAsync(runB, 0, MaxSteps, cancellationToken) ?? []);
        var pairs = SequenceAlignment.Align(stepsA.Select(Key).ToList(), stepsB.Select(Key).ToList());
        var rows = pairs.Select(pair => Compare(pair.A is { } i ? stepsA[i] : null, pair.B is { } j ? stepsB[j] : null)).ToList();

        var decisionsA = await runs.GetDecisionsAsync(runA, cancellationToken) ?? [];
        var decisionsB = await runs.GetDecisionsAsync(runB, cancellationToken) ?? [];
        return new RunDiff(a, b, Versions(a, b), rows,
            DecisionMatch.OnlyIn(decisionsA, decisionsB, DecisionKey),
            DecisionMatch.OnlyIn(decisionsB, decisionsA, DecisionKey),
            Truncated: a.StepCount > MaxSteps || b.StepCount > MaxSteps);
    }

    private static string Key(StepItem step) => StepGroup.Label(step);

    private static StepDifference Compare(StepItem? a, StepItem? b)
    {
        if (a is null || b is null)
        {
            return new StepDifference(a is null ? "added" : "removed", a, b, null, false, false, false);
        }

        var argumentsDiffer = a.ToolArgumentsHash != b.ToolArgumentsHash;
        // A tool's result, and a model call's answer (its text and the tools it asked for, not the call ids).
        var resultsDiffer = StepAttributes.Get(a.Attributes, AgentAttributes.ToolResult) != StepAttributes.Get(b.Attributes, AgentAttributes.ToolResult)
            || Answer(a) != Answer(b);
        var statusDiffers = a.Status != b.Status || a.ErrorType != b.ErrorType || a.ValidationPassed != b.ValidationPassed;
        var changed = argumentsDiffer || resultsDiffer || statusDiffers;
        return new StepDifference(changed ? "changed" : "same", a, b, b.DurationMs - a.DurationMs, argumentsDiffer, resultsDiffer, statusDiffers);
    }

    /// <summary>What a model call produced, from its normalized messages: text, and each tool asked for with its arguments.</summary>
    private static string? Answer(StepItem step)
    {
        if (StepAttributes.Json(step.Attributes, AgentAttributes.Messages) is not { ValueKind: System.Text.Json.JsonValueKind.Array } messages)
        {
            return StepAttributes.Get(step.Attributes, AgentAttributes.Messages);
        }

        var parts = messages.EnumerateArray()
            .Where(m => m.ValueKind == System.Text.Json.JsonValueKind.Object && m.TryGetProperty("output", out var output) && output.ValueKind == System.Text.Json.JsonValueKind.True)
            .SelectMany(m => m.TryGetProperty("parts", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.Array ? p.EnumerateArray().ToList() : [])
            .Where(p => p.ValueKind == System.Text.Json.JsonValueKind.Object)
            .Select(p => string.Join("\u001f", new[] { "type", "text", "name", "arguments" }.Select(f => p.TryGetProperty(f, out var v) ? v.ToString() : "")));
        return string.Join("\u001e", parts);
    }

    private static string DecisionKey(DecisionItem decision) =>
        DecisionMatch.Key(decision.Kind.ToString(), decision.Outcome, decision.PolicyId, decision.Target);

    private static List<VersionDifference> Versions(RunDetails a, RunDetails b)
    {
        (string Name, string? A, string? B)[] all =
        [
            ("prompt_version", a.Versions.PromptVersion, b.Versions.PromptVersion),
            ("policy_version", a.Versions.PolicyVersion, b.Versions.PolicyVersion),
            ("tool_contract_version", a.Versions.ToolContractVersion, b.Versions.ToolContractVersion),
            ("route_config_version", a.Versions.RouteConfigVersion, b.Versions.RouteConfigVersion),
            ("route", a.Route, b.Route),
            ("models", a.Models, b.Models),
            ("agent", a.AgentName, b.AgentName),
        ];
        return all.Where(v => v.A != v.B).Select(v => new VersionDifference(v.Name, v.A, v.B)).ToList();
    }
}
