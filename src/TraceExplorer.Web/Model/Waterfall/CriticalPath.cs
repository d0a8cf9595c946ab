namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>
/// The steps the run's end waited on. From the end of the root that finished last, backwards: of a step's children,
/// the one that finished last before the cursor is on the path and the cursor moves to its start; the same applies
/// within each chosen child. Children that overlap a chosen one did not hold the run up.
/// </summary>
public static class CriticalPath
{
    public static IReadOnlySet<int> Compute(StepTree tree)
    {
        var onPath = new HashSet<int>();
        var roots = Enumerable.Range(0, tree.Count).Where(r => tree.Parents[r] < 0).ToList();
        if (roots.Count == 0)
        {
            return onPath;
        }

        var last = roots.MaxBy(r => tree.Rows[r].EndMs);
        var work = new Stack<(int Row, double Until)>();
        work.Push((last, tree.Rows[last].EndMs));
        while (work.Count > 0)
        {
            var (row, until) = work.Pop();
            onPath.Add(row);

            // A child that runs past its parent's end held the parent up only until that end.
            var parentEnd = Math.Min(until, tree.Rows[row].EndMs);
            var cursor = parentEnd;
            foreach (var child in tree.Children[row].OrderByDescending(c => Math.Min(tree.Rows[c].EndMs, parentEnd)))
            {
                var end = Math.Min(tree.Rows[child].EndMs, parentEnd);
                if (end <= cursor && tree.Rows[child].StartMs < cursor)
                {
                    work.Push((child, end));
                    cursor = tree.Rows[child].StartMs;
                }
            }
        }

        return onPath;
    }
}
