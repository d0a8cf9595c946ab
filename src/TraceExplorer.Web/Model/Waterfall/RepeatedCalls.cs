using TraceExplorer.Core.Runs;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>
/// Calls of one tool with identical arguments in a run: the retry loop or a fallback route asking the same question
/// again, by <see cref="RepeatedCallRule"/>, the rule the repeated-tools report counts by, so the two agree.
/// </summary>
public static class RepeatedCalls
{
    /// <returns>For each row in a group of repeated calls, the group's rows in tree order.</returns>
    public static IReadOnlyDictionary<int, IReadOnlyList<int>> Group(StepTree tree)
    {
        var groups = new Dictionary<(string Tool, string Hash), List<int>>();
        for (var row = 0; row < tree.Count; row++)
        {
            if (tree.Rows[row] is { ToolName: { } tool, ToolArgumentsHash: { } hash })
            {
                if (!groups.TryGetValue((tool, hash), out var rows))
                {
                    groups[(tool, hash)] = rows = [];
                }

                rows.Add(row);
            }
        }

        var byRow = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var rows in groups.Values.Where(g => g.Count >= RepeatedCallRule.MinCalls))
        {
            foreach (var row in rows)
            {
                byRow[row] = rows;
            }
        }

        return byRow;
    }
}
