using TraceExplorer.Web.Model.Waterfall;
using static TraceExplorer.Tests.Model.Waterfall.WaterfallTestSteps;

namespace TraceExplorer.Tests.Model.Waterfall;

public sealed class StepTreeTests
{
    // root ─┬─ a ── a1
    //       └─ b
    // orphan (parent not in the run)
    private static readonly WaterfallStep[] Steps =
    [
        Step("b", "root", 50, 10),
        Step("a1", "a", 12, 5),
        Step("root", null, 0, 100),
        Step("orphan", "missing", 5, 1),
        Step("a", "root", 10, 30),
    ];

    [Fact]
    public void Rows_are_in_tree_order_with_depths_parents_and_subtree_sizes()
    {
        var tree = StepTree.Build(Steps);

        Assert.Equal(["root", "a", "a1", "b", "orphan"], tree.Rows.Select(r => r.SpanId));
        Assert.Equal([0, 1, 2, 1, 0], tree.Depths);
        Assert.Equal([-1, 0, 1, 0, -1], tree.Parents);
        Assert.Equal([4, 2, 1, 1, 1], tree.SubtreeSizes);
        Assert.Equal([1, 3], tree.Children[0]);
        Assert.Equal([1, 0], tree.Ancestors(2));
    }

    [Fact]
    public void A_filtered_tree_keeps_the_rows_above_each_match()
    {
        var tree = StepTree.Build(Steps);

        Assert.Equal([0, 1, 2], tree.WithAncestors([2]).Order());
        Assert.Equal([0, 1, 2, 4], tree.WithAncestors([4, 2, 1]).Order());
        Assert.Empty(tree.WithAncestors([]));
    }

    [Fact]
    public void Collapsing_hides_exactly_the_descendants()
    {
        var tree = StepTree.Build(Steps);

        Assert.Equal([0, 1, 2, 3, 4], tree.VisibleRows(new HashSet<int>()));
        Assert.Equal([0, 1, 3, 4], tree.VisibleRows(new HashSet<int> { 1 }));
        Assert.Equal([0, 4], tree.VisibleRows(new HashSet<int> { 0, 1 }));
    }

    [Fact]
    public void A_parent_cycle_is_cut_so_every_step_appears_once()
    {
        var tree = StepTree.Build([Step("x", "y", 0, 1), Step("y", "x", 1, 1), Step("self", "self", 2, 1)]);

        Assert.Equal(3, tree.Count);
        Assert.Equal(3, tree.Rows.Select(r => r.SpanId).Distinct().Count());
        Assert.Equal(3, tree.VisibleRows(new HashSet<int>()).Count);
    }

    [Fact]
    public void A_hundred_thousand_deep_chain_builds_without_recursion()
    {
        var steps = Enumerable.Range(0, 100_000).Select(i => Step($"s{i}", i == 0 ? null : $"s{i - 1}", i, 1)).ToList();

        var tree = StepTree.Build(steps);

        Assert.Equal(99_999, tree.Depths[^1]);
        Assert.Equal(100_000, tree.SubtreeSizes[0]);
        Assert.Equal([0], tree.VisibleRows(new HashSet<int> { 0 }));
    }
}
