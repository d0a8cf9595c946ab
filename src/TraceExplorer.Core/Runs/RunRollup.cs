using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>Derives a run's summary columns (times, counts, tokens, models, status) from its steps.</summary>
public static class RunRollup
{
    public static void Apply(Run run, IReadOnlyCollection<Step> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        var start = steps.Min(s => s.StartTime);
        var end = steps.Max(s => s.StartTime.AddTicks(MillisecondsToTicks(s.DurationMs)));
        run.StartTime = start;
        run.EndTime = end;
        run.DurationMs = (end - start).TotalMilliseconds;
        run.StepCount = steps.Count;
        run.ToolCallCount = steps.Count(s => s.Kind == StepKind.Tool);
        run.ErrorCount = steps.Count(s => s.Status == StepStatus.Error);
        run.InputTokens = steps.Sum(s => s.InputTokens ?? 0);
        run.OutputTokens = steps.Sum(s => s.OutputTokens ?? 0);
        run.Status = run.ErrorCount > 0 && RootFailed(steps) ? RunStatus.Error : RunStatus.Ok;

        var models = steps
            .Where(s => s.Model is not null)
            .OrderBy(s => s.StartTime)
            .Select(s => s.Model!)
            .Distinct()
            .ToList();
        run.Models = models.Count == 0 ? null : string.Join(", ", models);
    }

    // A run fails when its root span fails; an error the agent recovered from (a retried tool call)
    // leaves the run ok. Without a root span, any error fails the run.
    private static bool RootFailed(IReadOnlyCollection<Step> steps)
    {
        var spanIds = steps.Select(s => s.SpanId).ToHashSet();
        var roots = steps.Where(s => s.ParentSpanId is null || !spanIds.Contains(s.ParentSpanId)).ToList();
        return roots.Count == 0 || roots.Any(r => r.Status == StepStatus.Error);
    }

    private static long MillisecondsToTicks(double ms) => (long)Math.Round(ms * TimeSpan.TicksPerMillisecond);
}
