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

    public static WaterfallViewModel Create(DateTime runStart, IReadOnlyList<StepOutline> outlines, IReadOnlyList<DecisionItem> decisions)
    {
        var steps = outlines.Select(o => new WaterfallStep
        {
            StepNumber = o.StepNumber,
            SpanId = o.SpanId,
            ParentSpanId = o.ParentSpanId,
            Kind = o.Kind,
            Label = StepLabels.DisplayName(o.Kind, o.Name, o.ToolName, o.Model),
            StartMs = (o.StartTime - runStart).TotalMilliseconds,
            DurationMs = o.DurationMs,
            Failed = o.Status == Core.Model.StepStatus.Error,
            ErrorType = o.ErrorType,
            ValidationFailed = o.ValidationPassed == false,
        }).ToList();
        var tree = StepTree.Build(steps);
        var rowBySpan = new Dictionary<string, int>(tree.Count, StringComparer.Ordinal);
        for (var row = 0; row < tree.Count; row++)
        {
            rowBySpan.TryAdd(tree.Rows[row].SpanId, row);
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
        };
    }
}
