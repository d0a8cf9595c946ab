namespace TraceExplorer.Web.Model;

/// <summary>How deep each step sits in its run's span tree, for indenting a flat list.</summary>
public static class StepDepths
{
    /// <summary>
    /// Depth per span id: roots (no parent, or a parent not among the steps) are 0. Cycles, which only
    /// malformed input can produce, are cut where they close so every step still gets a depth.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Compute(IEnumerable<(string SpanId, string? ParentSpanId)> steps)
    {
        var parents = new Dictionary<string, string?>();
        foreach (var (spanId, parentSpanId) in steps)
        {
            parents.TryAdd(spanId, parentSpanId);
        }

        var depths = new Dictionary<string, int>(parents.Count);
        foreach (var spanId in parents.Keys)
        {
            var chain = new List<string>();
            var seen = new HashSet<string>();
            var current = spanId;
            var baseDepth = -1;
            while (current is not null && parents.ContainsKey(current) && seen.Add(current))
            {
                if (depths.TryGetValue(current, out var known))
                {
                    baseDepth = known;
                    break;
                }

                chain.Add(current);
                current = parents[current];
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                depths[chain[i]] = ++baseDepth;
            }
        }

        return depths;
    }
}
