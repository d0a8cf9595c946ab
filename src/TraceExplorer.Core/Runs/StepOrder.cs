using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// Step numbers 1, 2, … in start order, with a child never before its parent. Start times tie often (a framework
/// opens a span and its first child in the same millisecond, and SQLite keeps 100 ns at best), and clocks of
/// different services disagree, so a step is ordered as if it started no earlier than its parent, and on a tie the
/// shallower step goes first.
/// </summary>
public static class StepOrder
{
    /// <summary>The number of each step, by its index in the forest.</summary>
    public static int[] Numbers(StepForest forest)
    {
        var start = new DateTime[forest.Count];
        var depth = new int[forest.Count];
        var known = new bool[forest.Count];
        for (var i = 0; i < forest.Count; i++)
        {
            Settle(forest, i, start, depth, known);
        }

        var order = Enumerable.Range(0, forest.Count)
            .OrderBy(i => start[i])
            .ThenBy(i => depth[i])
            .ThenBy(i => forest[i].StartTime)
            .ThenBy(i => forest[i].SpanId, StringComparer.Ordinal)
            .ToArray();
        var numbers = new int[forest.Count];
        for (var n = 0; n < order.Length; n++)
        {
            numbers[order[n]] = n + 1;
        }

        return numbers;
    }

    private static void Settle(StepForest forest, int index, DateTime[] start, int[] depth, bool[] known)
    {
        if (known[index])
        {
            return;
        }

        // Walk up to the nearest settled ancestor, then settle the way back down.
        var path = new Stack<int>();
        for (var at = index; at >= 0 && !known[at]; at = forest.Parent(at))
        {
            path.Push(at);
        }

        while (path.Count > 0)
        {
            var at = path.Pop();
            var parent = forest.Parent(at);
            start[at] = parent < 0 || forest[at].StartTime >= start[parent] ? forest[at].StartTime : start[parent];
            depth[at] = parent < 0 ? 0 : depth[parent] + 1;
            known[at] = true;
        }
    }
}
