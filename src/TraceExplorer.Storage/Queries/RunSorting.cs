using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Queries;

internal static class RunSorting
{
    /// <summary>Orders by the chosen column, then by run id so that paging is stable when values tie.</summary>
    public static IQueryable<Run> Apply(IQueryable<Run> query, RunSortField sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (RunSortField.DurationMs, false) => query.OrderBy(r => r.DurationMs),
            (RunSortField.DurationMs, true) => query.OrderByDescending(r => r.DurationMs),
            (RunSortField.StepCount, false) => query.OrderBy(r => r.StepCount),
            (RunSortField.StepCount, true) => query.OrderByDescending(r => r.StepCount),
            (RunSortField.ToolCallCount, false) => query.OrderBy(r => r.ToolCallCount),
            (RunSortField.ToolCallCount, true) => query.OrderByDescending(r => r.ToolCallCount),
            (RunSortField.ErrorCount, false) => query.OrderBy(r => r.ErrorCount),
            (RunSortField.ErrorCount, true) => query.OrderByDescending(r => r.ErrorCount),
            (RunSortField.Tokens, false) => query.OrderBy(r => r.InputTokens + r.OutputTokens),
            (RunSortField.Tokens, true) => query.OrderByDescending(r => r.InputTokens + r.OutputTokens),
            (RunSortField.AgentName, false) => query.OrderBy(r => r.AgentName),
            (RunSortField.AgentName, true) => query.OrderByDescending(r => r.AgentName),
            (RunSortField.Status, false) => query.OrderBy(r => r.Status),
            (RunSortField.Status, true) => query.OrderByDescending(r => r.Status),
            (_, false) => query.OrderBy(r => r.StartTime),
            _ => query.OrderByDescending(r => r.StartTime),
        };
        return descending ? ordered.ThenByDescending(r => r.RunId) : ordered.ThenBy(r => r.RunId);
    }
}
