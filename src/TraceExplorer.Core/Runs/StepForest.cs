using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>
/// A run's steps as a tree by span ids, for the rules that look up or down it (which tokens count, which tool spans
/// repeat a call, which failure is the cause). A step whose parent is not among the steps is a root of what is known.
/// </summary>
public sealed class StepForest
{
    private readonly IReadOnlyList<Step> _steps;

    public StepForest(IReadOnlyList<Step> steps)
    {
        _steps = steps;
        Tree = ParentTree.Of<Step, (string, string)>(steps, s => (s.TraceId, s.SpanId), s => s.ParentSpanId is { } parent ? (s.TraceId, parent) : null);
    }

    /// <summary>The links alone, for the rules that are not about stored steps (<see cref="RootCauseErrors"/>).</summary>
    public ParentTree Tree { get; }

    public int Count => _steps.Count;

    public Step this[int index] => _steps[index];

    /// <summary>The index of the step's parent, or -1 when it has none among the steps.</summary>
    public int Parent(int index) => Tree.Parent(index);

    public IEnumerable<int> Ancestors(int index) => Tree.Ancestors(index);

    /// <summary>The steps that have at least one descendant matching the condition.</summary>
    public bool[] AncestorsOf(Func<Step, bool> condition) => Tree.AncestorsOf(i => condition(_steps[i]));
}
