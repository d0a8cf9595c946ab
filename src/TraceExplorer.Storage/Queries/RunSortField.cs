namespace TraceExplorer.Storage.Queries;

public enum RunSortField
{
    StartTime,
    DurationMs,
    StepCount,
    ToolCallCount,
    ErrorCount,
    Tokens,
    AgentName,
    Status,
}
