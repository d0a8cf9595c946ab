using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class StepDepthsTests
{
    [Fact]
    public void Depth_counts_ancestors_present_in_the_run()
    {
        var depths = StepDepths.Compute([("c", "b"), ("a", null), ("b", "a"), ("d", "a"), ("orphan", "not-arrived")]);

        Assert.Equal(0, depths["a"]);
        Assert.Equal(1, depths["b"]);
        Assert.Equal(2, depths["c"]);
        Assert.Equal(1, depths["d"]);
        Assert.Equal(0, depths["orphan"]);
    }

    [Fact]
    public void A_cycle_from_malformed_input_still_gives_every_step_a_depth()
    {
        var depths = StepDepths.Compute([("a", "b"), ("b", "a"), ("self", "self")]);

        Assert.Equal(3, depths.Count);
        Assert.All(depths.Values, d => Assert.InRange(d, 0, 2));
    }

    [Fact]
    public void A_deep_chain_does_not_recurse()
    {
        var chain = Enumerable.Range(0, 100_000).Select(i => ($"s{i}", i == 0 ? null : (string?)$"s{i - 1}"));

        var depths = StepDepths.Compute(chain);

        Assert.Equal(99_999, depths["s99999"]);
    }
}
