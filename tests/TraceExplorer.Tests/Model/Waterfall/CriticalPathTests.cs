using TraceExplorer.Web.Model.Waterfall;
using static TraceExplorer.Tests.Model.Waterfall.WaterfallTestSteps;

namespace TraceExplorer.Tests.Model.Waterfall;

public sealed class CriticalPathTests
{
    [Fact]
    public void Sequential_children_are_all_on_the_path()
    {
        var tree = StepTree.Build([Step("root", null, 0, 100), Step("a", "root", 0, 40), Step("b", "root", 40, 60)]);

        Assert.Equal(["root", "a", "b"], Names(tree, CriticalPath.Compute(tree)));
    }

    [Fact]
    public void Of_parallel_children_only_the_one_that_finished_last_is()
    {
        // a and b run in parallel and b finishes last, then c follows it; inside b, b1 runs within b2's time.
        var tree = StepTree.Build(
        [
            Step("root", null, 0, 100), Step("a", "root", 0, 30), Step("b", "root", 0, 60), Step("c", "root", 60, 40),
            Step("b1", "b", 25, 10), Step("b2", "b", 20, 40), Step("b0", "b", 2, 8),
        ]);

        Assert.Equal(["root", "b", "b0", "b2", "c"], Names(tree, CriticalPath.Compute(tree)));
    }

    [Fact]
    public void A_child_running_past_its_parent_counts_up_to_the_parent_end()
    {
        var tree = StepTree.Build([Step("root", null, 0, 50), Step("inside", "root", 25, 10), Step("async", "root", 20, 500)]);

        Assert.Equal(["root", "async"], Names(tree, CriticalPath.Compute(tree)));
    }

    [Fact]
    public void An_empty_run_has_no_path() => Assert.Empty(CriticalPath.Compute(StepTree.Build([])));

    private static List<string> Names(StepTree tree, IReadOnlySet<int> rows) =>
        rows.Order().Select(r => tree.Rows[r].SpanId).ToList();
}
