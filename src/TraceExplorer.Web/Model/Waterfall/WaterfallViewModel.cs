using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>Everything the waterfall draws for one run, computed once when the run loads.</summary>
public sealed class WaterfallViewModel
{
    public required StepTree Tree { get; init; }

    public required double RunDurationMs { get; init; }

    public required IReadOnlyDictionary<string, int> RowBySpan { get; init; }

    public required IReadOnlyDictionary<int, IReadOnlyList<DecisionMarker>> DecisionsByRow { get; init; }

    public required IReadOnlySet<int> CriticalPathRows { get; init; }

    /// <summary>Rows in execution order (step numbers ascending), for stepping through the run.</summary>
    public required List<int> RowsInStepOrder { get; init; }

    /// <summary>How many of the run's steps are plumbing, and how many of those are folded out of the tree.</summary>
    public required int PlumbingCount { get; init; }

    public required int FoldedCount { get; init; }

    /// <summary>Rows that called one tool with the same arguments as other rows, each with all the rows of its group.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<int>> RepeatsByRow { get; init; }

    /// <summary>The waterfall of a run; plumbing steps are folded into their parents unless <paramref name="showPlumbing"/>.</summary>
    public static WaterfallViewModel Create(DateTime runStart, IReadOnlyList<StepOutline> outlines, IReadOnlyList<DecisionItem> decisions, bool showPlumbing = false)
    {
        var all = outlines.Select(o => WaterfallStep.From(o, runStart)).ToList();
        var (steps, foldedInto) = showPlumbing ? (all, new Dictionary<string, string?>()) : PlumbingFold.Fold(all);
        var tree = StepTree.Build(steps);
        var rowBySpan = new Dictionary<string, int>(tree.Count, StringComparer.Ordinal);
        for (var row = 0; row < tree.Count; row++)
        {
            rowBySpan.TryAdd(tree.Rows[row].SpanId, row);
        }

        // A decision or search match on a folded span shows on the step it was folded into.
        foreach (var (span, into) in foldedInto)
        {
            if (into is not null && rowBySpan.TryGetValue(into, out var row))
            {
                rowBySpan.TryAdd(span, row);
            }
        }

        var decisionsByRow = decisions
            .Where(d => d.SpanId is not null && rowBySpan.ContainsKey(d.SpanId))
            .GroupBy(d => rowBySpan[d.SpanId!])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DecisionMarker>)g.Select(d => new DecisionMarker((d.Time - runStart).TotalMilliseconds, d.Kind, d.Outcome)).ToList());

        return new WaterfallViewModel
        {
            Tree = tree,
            RunDurationMs = steps.Count == 0 ? 0 : Math.Max(steps.Max(s => s.EndMs), 1e-3),
            RowBySpan = rowBySpan,
            DecisionsByRow = decisionsByRow,
            CriticalPathRows = CriticalPath.Compute(tree),
            RowsInStepOrder = Enumerable.Range(0, tree.Count).OrderBy(r => tree.Rows[r].StepNumber).ThenBy(r => tree.Rows[r].StartMs).ToList(),
            PlumbingCount = all.Count(s => s.Kind == Core.Model.StepKind.Plumbing),
            FoldedCount = foldedInto.Count,
            RepeatsByRow = RepeatedCalls.Group(tree),
        };
    }
}
