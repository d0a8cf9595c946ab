namespace TraceExplorer.Web.Model;

/// <summary>
/// The runs list's columns and the browser's choice of them. The defaults fit 1280 px without a horizontal scroll and
/// leave the error its room: tool and error counts, tokens and the full versions are one click away in the column
/// chooser. The run id always shows: it is the row's link.
/// </summary>
public static class RunColumns
{
    /// <summary>The browser setting that remembers the choice.</summary>
    public const string SettingName = "runs.columns";

    public static readonly IReadOnlyList<RunColumnDefinition> All =
    [
        new(RunColumn.Status, "status", "Status", true),
        new(RunColumn.Start, "start", "Start", true),
        new(RunColumn.Run, "run", "Run", true),
        new(RunColumn.Agent, "agent", "Agent", true),
        new(RunColumn.Route, "route", "Route", true),
        new(RunColumn.Duration, "duration", "Duration", true),
        new(RunColumn.Steps, "steps", "Steps", true),
        new(RunColumn.Tools, "tools", "Tool calls", false),
        new(RunColumn.ErrorCount, "errorCount", "Error count", false),
        new(RunColumn.Error, "error", "Error", true),
        new(RunColumn.Tokens, "tokens", "Tokens", false),
        new(RunColumn.Versions, "versions", "Versions that differ", true),
        new(RunColumn.AllVersions, "allVersions", "All versions", false),
    ];

    /// <summary>The columns that can be hidden: all but the run id.</summary>
    public static IEnumerable<RunColumnDefinition> Choosable => All.Where(c => c.Column != RunColumn.Run);

    public static IReadOnlySet<RunColumn> Defaults { get; } = All.Where(c => c.ShownByDefault).Select(c => c.Column).ToHashSet();

    /// <summary>A stored choice (keys, comma separated) as columns; nothing stored, or nothing readable, gives the defaults.</summary>
    public static IReadOnlySet<RunColumn> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return Defaults;
        }

        var keys = stored.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var columns = All.Where(c => keys.Contains(c.Key)).Select(c => c.Column).ToHashSet();
        if (columns.Count == 0)
        {
            return Defaults;
        }

        columns.Add(RunColumn.Run);
        return columns;
    }

    /// <summary>The choice as stored text, in column order.</summary>
    public static string Format(IReadOnlySet<RunColumn> columns) =>
        string.Join(",", All.Where(c => columns.Contains(c.Column)).Select(c => c.Key));

    /// <summary>The choice with one column shown or hidden; the run id stays.</summary>
    public static IReadOnlySet<RunColumn> Toggle(IReadOnlySet<RunColumn> columns, RunColumn column)
    {
        var next = columns.ToHashSet();
        if (column != RunColumn.Run && !next.Remove(column))
        {
            next.Add(column);
        }

        return next;
    }
}
