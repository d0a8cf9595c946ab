using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>The names sortable columns go by in URLs and the API.</summary>
public static class RunSortNames
{
    private static readonly Dictionary<string, RunSortField> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["startTime"] = RunSortField.StartTime,
        ["durationMs"] = RunSortField.DurationMs,
        ["stepCount"] = RunSortField.StepCount,
        ["toolCallCount"] = RunSortField.ToolCallCount,
        ["errorCount"] = RunSortField.ErrorCount,
        ["tokens"] = RunSortField.Tokens,
        ["agentName"] = RunSortField.AgentName,
        ["status"] = RunSortField.Status,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string name, out RunSortField field) => ByName.TryGetValue(name, out field);

    public static string NameOf(RunSortField field) => ByName.First(pair => pair.Value == field).Key;
}
