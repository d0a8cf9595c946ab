using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Tests.Model.Waterfall;

public sealed class PlumbingFoldTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    // graph ── node ── sequence ─┬─ chat
    //                           └─ wire
    //       └─ tools ── lookup
    private static readonly StepOutline[] LangGraph =
    [
        Outline(1, "graph", null, StepKind.Plan),
        Outline(2, "node", "graph", StepKind.Plumbing),
        Outline(3, "sequence", "node", StepKind.Plumbing),
        Outline(4, "chat", "sequence", StepKind.Model),
        Outline(5, "wire", "sequence", StepKind.Plumbing),
        Outline(6, "tools", "graph", StepKind.Plumbing),
        Outline(7, "lookup", "tools", StepKind.Tool),
    ];

    [Fact]
    public void Plumbing_folds_into_the_nearest_step_above_it_and_its_children_move_up()
    {
        var model = WaterfallViewModel.Create(Start, LangGraph, []);

        Assert.Equal(["graph", "chat", "lookup"], model.Tree.Rows.Select(r => r.SpanId));
        Assert.Equal([-1, 0, 0], model.Tree.Parents);
        Assert.Equal((4, 4), (model.PlumbingCount, model.FoldedCount));
        Assert.Equal(0, model.RowBySpan["wire"]);
    }

    [Fact]
    public void Shown_plumbing_stays_in_the_tree()
    {
        var model = WaterfallViewModel.Create(Start, LangGraph, [], showPlumbing: true);

        Assert.Equal(7, model.Tree.Count);
        Assert.Equal((4, 0), (model.PlumbingCount, model.FoldedCount));
    }

    [Fact]
    public void Plumbing_at_the_top_leaves_its_children_as_roots()
    {
        var (steps, folded) = PlumbingFold.Fold(WaterfallViewModel.Create(Start,
            [Outline(1, "wire", null, StepKind.Plumbing), Outline(2, "chat", "wire", StepKind.Model)], [], showPlumbing: true).Tree.Rows);

        Assert.Null(Assert.Single(steps).ParentSpanId);
        Assert.Null(folded["wire"]);
    }

    private static StepOutline Outline(int number, string span, string? parent, StepKind kind) =>
        new(number, span, parent, kind, span, null, null, Start.AddMilliseconds(number), 10, StepStatus.Ok, null, null);
}
