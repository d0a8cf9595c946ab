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
}
