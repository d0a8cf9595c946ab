namespace TraceExplorer.Core.Runs;

/// <summary>
/// Items linked to their parents by key, as indexes: the shape the tree rules walk, whatever the items are (a run's
/// stored steps at ingest, the outline the run page reads). An item whose parent is not among the items is a root of
/// what is known; a cycle in what was sent is cut so every walk up ends.
/// </summary>
public sealed class ParentTree
{
    private readonly int[] _parent;

    private ParentTree(int[] parent) => _parent = parent;

    public int Count => _parent.Length;

    /// <summary>The first item with a key wins its key; a parent key that no item has makes a root.</summary>
    public static ParentTree Of<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key, Func<T, TKey?> parentKey)
        where TKey : struct
    {
        var byKey = new Dictionary<TKey, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            byKey.TryAdd(key(items[i]), i);
        }

        var parent = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            parent[i] = parentKey(items[i]) is { } id && byKey.TryGetValue(id, out var p) && p != i ? p : -1;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var seen = new HashSet<int> { i };
            for (var at = i; parent[at] >= 0; at = parent[at])
            {
                if (!seen.Add(parent[at]))
                {
                    parent[at] = -1;
                    break;
                }
            }
        }

        return new ParentTree(parent);
    }

    /// <summary>The index of the item's parent, or -1 when it has none among the items.</summary>
    public int Parent(int index) => _parent[index];

    /// <summary>The items above one, nearest first.</summary>
    public IEnumerable<int> Ancestors(int index)
    {
        for (var at = _parent[index]; at >= 0; at = _parent[at])
        {
            yield return at;
        }
    }

    /// <summary>The items that have at least one descendant matching the condition.</summary>
    public bool[] AncestorsOf(Func<int, bool> condition)
    {
        var marked = new bool[_parent.Length];
        for (var i = 0; i < _parent.Length; i++)
        {
            if (!condition(i))
            {
                continue;
            }

            foreach (var ancestor in Ancestors(i))
            {
                if (marked[ancestor])
                {
                    break; // the rest of the way up is marked already
                }

                marked[ancestor] = true;
            }
        }

        return marked;
    }
}
