namespace TraceExplorer.Storage.Queries;

public sealed record RunListRequest
{
    public const int MaxPageSize = 500;

    public RunFilter Filter { get; init; } = new();
    public RunSortField Sort { get; init; } = RunSortField.StartTime;
    public bool Descending { get; init; } = true;

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>Whether each failed run's error message is read: only for a role that may read failure text.</summary>
    public bool WithErrorMessages { get; init; }
}
