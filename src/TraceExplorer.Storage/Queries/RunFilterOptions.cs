namespace TraceExplorer.Storage.Queries;

/// <summary>The distinct values of each run dimension, which the filter menus offer.</summary>
public sealed record RunFilterOptions(IReadOnlyDictionary<RunDimension, IReadOnlyList<string>> Values)
{
    public IReadOnlyList<string> For(RunDimension dimension) => Values.TryGetValue(dimension, out var values) ? values : [];

    public IReadOnlyList<string> Agents => For(RunDimension.Agent);
}
