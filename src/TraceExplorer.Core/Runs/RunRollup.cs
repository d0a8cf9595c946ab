using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// Derives a run's summary columns (times, counts, tokens, models, root, status) from all of its steps. The counts
/// follow the run's tree (<see cref="CountedTokens"/>, <see cref="RepeatedToolSpans"/>, <see cref="RootCauseErrors"/>),
/// so the summary is computed from every step each time rather than added up batch by batch; the steps may be in
/// any order.
/// </summary>
public static class RunRollup
{
    public static void Apply(Run run, IReadOnlyList<Step> steps)
    {
        run.StepCount = run.ToolCallCount = run.ErrorCount = 0;
        run.InputTokens = run.OutputTokens = 0;
        run.Models = null;
        run.RootSpanId = null;
        run.RootFailed = false;
        run.LastStepStart = null;
        if (steps.Count == 0)
        {
            run.Status = RunStatus.Ok;
            return;
        }

        run.StartTime = steps.Min(s => s.StartTime);
        run.EndTime = steps.Max(EndOf);
        run.DurationMs = (run.EndTime - run.StartTime).TotalMilliseconds;
        run.LastStepStart = steps.Max(s => s.StartTime);

        var forest = new StepForest(steps);
        run.StepCount = steps.Count(s => s.Kind != StepKind.Plumbing);
        run.ToolCallCount = RepeatedToolSpans.CountCalls(forest);
        run.ErrorCount = RootCauseErrors.Count(forest);
        (run.InputTokens, run.OutputTokens) = CountedTokens.Of(forest);
        var models = new SortedSet<string>(steps.Select(s => s.Model).OfType<string>(), StringComparer.Ordinal);
        // Sorted rather than in order of use: spans arrive in any order, and the summary must not depend on it.
        run.Models = models.Count == 0 ? null : string.Join(", ", models);

        if (steps.Where(s => s.ParentSpanId is null).OrderBy(s => s.StartTime).ThenBy(s => s.SpanId, StringComparer.Ordinal).FirstOrDefault() is { } root)
        {
            run.RootSpanId = root.SpanId;
            run.RootFailed = root.Status == StepStatus.Error;
        }

        // A run fails when its root span fails: an error the agent recovered from leaves it ok.
        // Until the root has arrived, any error fails the run.
        run.Status = (run.RootSpanId is null ? run.ErrorCount > 0 : run.RootFailed) ? RunStatus.Error : RunStatus.Ok;
    }

    public static DateTime EndOf(Step step) => step.StartTime.AddTicks((long)Math.Round(step.DurationMs * TimeSpan.TicksPerMillisecond));
}
