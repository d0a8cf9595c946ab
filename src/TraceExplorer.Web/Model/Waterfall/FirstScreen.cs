using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model.Waterfall;

/// <summary>
/// The first rows of a run's waterfall from the start of its outline alone, so the page paints them before the whole
/// outline (100,000 steps take about half a second to read) has arrived. Only rows that are certain are kept: the tree
/// of the first steps is walked in tree order and stops at the first row the later steps could displace, so the rows
/// shown are exactly the first rows of the whole tree and nothing moves when it replaces them.
/// </summary>
public static class FirstScreen
{
    /// <summary>
    /// The outlines of the first rows (at most <paramref name="rows"/>) that the whole tree shows in the same place;
    /// none when that cannot be told from the start (plumbing folds rows elsewhere; an agent's own step numbers need
    /// not follow start order).
    /// </summary>
    public static IReadOnlyList<StepOutline> Rows(OutlineStart start, DateTime runStart, int rows)
    {
        if (start.NumberedByAgent || start.Steps.Any(IsPlumbing) || start.Later.Any(IsPlumbing))
        {
            return [];
        }

        var tree = StepTree.Build(start.Steps.Select(o => WaterfallStep.From(o, runStart)).ToList());
        var laterSpans = start.Later.Select(l => l.SpanId).ToHashSet(StringComparer.Ordinal);
        var laterChildren = start.Later.Where(l => l.ParentSpanId is not null)
            .GroupBy(l => l.ParentSpanId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => WaterfallStep.From(l, runStart)).Min(Key), StringComparer.Ordinal);

        bool HasLaterChildren(int row) => laterChildren.ContainsKey(tree.Rows[row].SpanId);

        var certain = 0;
        for (var row = 0; row < Math.Min(rows, tree.Count) && (start.Complete || IsCertain(row)); row++)
        {
            certain++;
        }

        return start.Complete && certain == tree.Count
            ? start.Steps
            : tree.Rows.Take(certain).Select(r => start.Steps.First(s => s.SpanId == r.SpanId)).ToList();

        bool IsCertain(int row)
        {
            var step = tree.Rows[row];
            var parent = tree.Parents[row];

            // A root of the first steps whose parent is among the later ones belongs under it.
            if (parent < 0 && step.ParentSpanId is { } parentSpan && laterSpans.Contains(parentSpan))
            {
                return false;
            }

            // Every row the walk leaves to reach this one must have no children still to come.
            for (var left = row - 1; left >= 0 && left != parent; left = tree.Parents[left])
            {
                if (HasLaterChildren(left))
                {
                    return false;
                }
            }

            // Among its siblings it must come before any later one (roots: step numbers follow start order).
            return parent < 0 || !laterChildren.TryGetValue(tree.Rows[parent].SpanId, out var firstLater) || Key(step).CompareTo(firstLater) < 0;
        }
    }

    private static bool IsPlumbing(StepOutline step) => step.Kind == StepKind.Plumbing;

    /// <summary>The order of siblings in the tree (see StepTree.Build).</summary>
    private static (double StartMs, int StepNumber) Key(WaterfallStep step) => (step.StartMs, step.StepNumber);
}
