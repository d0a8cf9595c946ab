using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Tests.Model.Waterfall;

/// <summary>What StepQueries.GetOutlineStartAsync reads, computed from a whole outline in step order: the twin its SQL is checked against.</summary>
internal static class OutlineStartOf
{
    public static OutlineStart Outline(IReadOnlyList<StepOutline> outline, int limit, bool numberedByAgent = false)
    {
        if (outline.Count <= limit)
        {
            return new OutlineStart { Steps = outline, Complete = true, Later = [], NumberedByAgent = numberedByAgent };
        }

        var cut = outline[limit].StepNumber;
        var steps = outline.Where(s => s.StepNumber < cut).ToList();
        var spans = steps.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var parents = steps.Select(s => s.ParentSpanId).OfType<string>().Where(p => !spans.Contains(p)).ToHashSet(StringComparer.Ordinal);
        var later = steps.Count == 0 ? [] : outline
            .Where(s => s.StepNumber >= cut && ((s.ParentSpanId is { } p && spans.Contains(p)) || parents.Contains(s.SpanId)))
            .ToList();
        return new OutlineStart { Steps = steps, Complete = false, Later = later, NumberedByAgent = numberedByAgent };
    }
}
