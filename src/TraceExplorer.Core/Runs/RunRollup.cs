using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// Derives a run's summary columns (times, counts, tokens, models, root, status) from its steps. Incremental, because
/// the spans of a run arrive in many batches and in any order: adding steps in any grouping gives the same run.
/// </summary>
public static class RunRollup
{
    /// <summary>Summarises a run from all of its steps.</summary>
    public static void Apply(Run run, IReadOnlyCollection<Step> steps)
    {
        run.StepCount = run.ToolCallCount = run.ErrorCount = 0;
        run.InputTokens = run.OutputTokens = 0;
        run.Models = null;
        run.RootSpanId = null;
        run.LastStepStart = null;
        Add(run, steps);
    }

    /// <summary>Folds newly stored steps into the run's summary; each step must be added once only.</summary>
    public static void Add(Run run, IReadOnlyCollection<Step> newSteps)
    {
        if (newSteps.Count == 0)
        {
            return;
        }

        var start = newSteps.Min(s => s.StartTime);
        var end = newSteps.Max(EndOf);
        var first = run.StepCount == 0;
        run.StartTime = first || start < run.StartTime ? start : run.StartTime;
        run.EndTime = first || end > run.EndTime ? end : run.EndTime;
        run.DurationMs = (run.EndTime - run.StartTime).TotalMilliseconds;
        var lastStart = newSteps.Max(s => s.StartTime);
        run.LastStepStart = run.LastStepStart is { } known && known > lastStart ? known : lastStart;
        run.StepCount += newSteps.Count;
        run.ToolCallCount += newSteps.Count(s => s.Kind == StepKind.Tool);
        run.ErrorCount += newSteps.Count(s => s.Status == StepStatus.Error);
        run.InputTokens += newSteps.Sum(s => s.InputTokens ?? 0);
        run.OutputTokens += newSteps.Sum(s => s.OutputTokens ?? 0);
        run.Models = MergeModels(run.Models, newSteps);

        if (newSteps.FirstOrDefault(s => s.ParentSpanId is null) is { } root)
        {
            run.RootSpanId = root.SpanId;
            run.RootFailed = root.Status == StepStatus.Error;
        }

        // A run fails when its root span fails: an error the agent recovered from leaves it ok.
        // Until the root has arrived, any error fails the run.
        run.Status = (run.RootSpanId is null ? run.ErrorCount > 0 : run.RootFailed) ? RunStatus.Error : RunStatus.Ok;
    }

    public static DateTime EndOf(Step step) => step.StartTime.AddTicks((long)Math.Round(step.DurationMs * TimeSpan.TicksPerMillisecond));

    // Sorted rather than in order of use: spans arrive in any order, and the summary must not depend on it.
    private static string? MergeModels(string? existing, IEnumerable<Step> newSteps)
    {
        var models = new SortedSet<string>(existing?.Split(", ") ?? [], StringComparer.Ordinal);
        models.UnionWith(newSteps.Select(s => s.Model).OfType<string>());
        return models.Count == 0 ? null : string.Join(", ", models);
    }
}
