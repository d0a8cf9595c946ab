namespace TraceExplorer.Storage.Retention;

public sealed record RetentionResult(int RunsDeleted, int RunsWithPayloadsRemoved);
