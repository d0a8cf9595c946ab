namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>
/// A run's steps as a tree, in tree order: each step after its parent, siblings by start. A step whose parent is not
/// in the run is a root; a parent cycle (only malformed input has one) is cut so every step appears once. Iterative,
/// so a run of any depth cannot overflow the stack.
/// </summary>
public sealed class StepTree
{
    private StepTree(IReadOnlyList<WaterfallStep> rows, int[] parents, int[] depths, int[] subtreeSizes, List<int>[] children)
    {
        Rows = rows;
        Parents = parents;
        Depths = depths;
        SubtreeSizes = subtreeSizes;
        Children = children;
    }

    /// <summary>The steps in tree order.</summary>
    public IReadOnlyList<WaterfallStep> Rows { get; }

    /// <summary>For each row, the row index of its parent, or -1 for a root.</summary>
    public int[] Parents { get; }

    public int[] Depths { get; }

    /// <summary>For each row, how many rows its subtree spans (itself included): its descendants follow it directly.</summary>
    public int[] SubtreeSizes { get; }

    public List<int>[] Children { get; }

    public int Count => Rows.Count;

    public bool HasChildren(int row) => SubtreeSizes[row] > 1;

    public static StepTree Build(IReadOnlyList<WaterfallStep> steps)
    {
        var bySpan = new Dictionary<string, int>(steps.Count, StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            bySpan.TryAdd(steps[i].SpanId, i);
        }

        var childrenOf = new List<int>?[steps.Count];
        var roots = new List<int>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].ParentSpanId is { } parentSpan && bySpan.TryGetValue(parentSpan, out var parent) && parent != i)
            {
                (childrenOf[parent] ??= []).Add(i);
            }
            else
            {
                roots.Add(i);
            }
        }

        Comparison<int> byStart = (a, b) =>
        {
            var order = steps[a].StartMs.CompareTo(steps[b].StartMs);
            return order != 0 ? order : steps[a].StepNumber.CompareTo(steps[b].StepNumber);
        };
        roots.Sort(byStart);
        foreach (var list in childrenOf)
        {
            list?.Sort(byStart);
        }

        var order = new List<int>(steps.Count);
        var depthOf = new int[steps.Count];
        var visited = new bool[steps.Count];
        var stack = new Stack<int>();

        void Walk(int root)
        {
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (visited[node])
                {
                    continue;
                }

                visited[node] = true;
                order.Add(node);
                if (childrenOf[node] is { } kids)
                {
                    for (var k = kids.Count - 1; k >= 0; k--)
                    {
                        if (!visited[kids[k]])
                        {
                            depthOf[kids[k]] = depthOf[node] + 1;
                            stack.Push(kids[k]);
                        }
                    }
                }
            }
        }

        foreach (var root in roots)
        {
            Walk(root);
        }

        // Steps caught in a parent cycle are reachable from no root: each cycle is entered at its earliest step.
        for (var i = 0; i < steps.Count; i++)
        {
            if (!visited[i])
            {
                depthOf[i] = 0;
                Walk(i);
            }
        }

        var rowOf = new int[steps.Count];
        for (var row = 0; row < order.Count; row++)
        {
            rowOf[order[row]] = row;
        }

        var rows = order.Select(i => steps[i]).ToList();
        var parents = new int[rows.Count];
        var depths = new int[rows.Count];
        var children = new List<int>[rows.Count];
        for (var row = 0; row < rows.Count; row++)
        {
            var original = order[row];
            depths[row] = depthOf[original];
            children[row] = childrenOf[original]?.Select(c => rowOf[c]).Where(c => c > row).ToList() ?? [];
            parents[row] = -1;
        }

        for (var row = 0; row < rows.Count; row++)
        {
            foreach (var child in children[row])
            {
                parents[child] = row;
            }
        }

        // In tree order a subtree is contiguous, so its size is found by walking back from the leaves.
        var sizes = new int[rows.Count];
        for (var row = rows.Count - 1; row >= 0; row--)
        {
            sizes[row] = 1 + children[row].Sum(c => sizes[c]);
        }

        return new StepTree(rows, parents, depths, sizes, children);
    }

    /// <summary>The rows to show when the given rows are collapsed: a collapsed row's descendants are hidden.</summary>
    public List<int> VisibleRows(IReadOnlySet<int> collapsed)
    {
        var visible = new List<int>(Count);
        for (var row = 0; row < Count;)
        {
            visible.Add(row);
            row += collapsed.Contains(row) ? SubtreeSizes[row] : 1;
        }

        return visible;
    }

    /// <summary>The row's ancestors, nearest first.</summary>
    public IEnumerable<int> Ancestors(int row)
    {
        for (var parent = Parents[row]; parent >= 0; parent = Parents[parent])
        {
            yield return parent;
        }
    }

    /// <summary>The rows and every row above them: what a filtered tree shows so each match keeps its place.</summary>
    public HashSet<int> WithAncestors(IEnumerable<int> rows)
    {
        var kept = new HashSet<int>();
        foreach (var row in rows)
        {
            if (!kept.Add(row))
            {
                continue;
            }

            foreach (var ancestor in Ancestors(row))
            {
                if (!kept.Add(ancestor))
                {
                    break; // the rest of the way up is kept already
                }
            }
        }

        return kept;
    }
}
