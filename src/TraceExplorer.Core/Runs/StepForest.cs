using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// A run's steps as a tree by span ids, for the rules that look up or down it (which tokens count, which tool spans
/// repeat a call, which failure is the cause). A step whose parent is not among the steps is a root of what is known.
/// </summary>
public sealed class StepForest
{
    private readonly IReadOnlyList<Step> _steps;
    private readonly int[] _parent;

    public StepForest(IReadOnlyList<Step> steps)
    {
        _steps = steps;
        var bySpan = new Dictionary<(string, string), int>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            bySpan.TryAdd((steps[i].TraceId, steps[i].SpanId), i);
        }

        _parent = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var parent = steps[i].ParentSpanId is { } id && bySpan.TryGetValue((steps[i].TraceId, id), out var p) && p != i ? p : -1;
            _parent[i] = parent;
        }

        // A cycle in what was sent would make every walk up endless: its link back is cut.
        for (var i = 0; i < steps.Count; i++)
        {
            var seen = new HashSet<int> { i };
            for (var at = i; _parent[at] >= 0; at = _parent[at])
            {
                if (!seen.Add(_parent[at]))
                {
                    _parent[at] = -1;
                    break;
                }
            }
        }
    }

    public int Count => _steps.Count;

    public Step this[int index] => _steps[index];

    /// <summary>The index of the step's parent, or -1 when it has none among the steps.</summary>
    public int Parent(int index) => _parent[index];

    public IEnumerable<int> Ancestors(int index)
    {
        for (var at = _parent[index]; at >= 0; at = _parent[at])
        {
            yield return at;
        }
    }

    /// <summary>The steps that have at least one descendant matching the condition.</summary>
    public bool[] AncestorsOf(Func<Step, bool> condition)
    {
        var marked = new bool[_steps.Count];
        for (var i = 0; i < _steps.Count; i++)
        {
            if (!condition(_steps[i]))
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
