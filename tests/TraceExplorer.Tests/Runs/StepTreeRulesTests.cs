using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Tests.Runs;

/// <summary>The rules that read a run's tree: which tokens count, which tool spans repeat a call, which failure is a cause, the order.</summary>
public sealed class StepTreeRulesTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_parent_repeating_its_calls_totals_does_not_add()
    {
        var forest = Forest(
            Step("agent", null, 0, s => (s.InputTokens, s.OutputTokens) = (240, 60)),
            Step("step", "agent", 1),
            Step("chat1", "step", 2, s => (s.InputTokens, s.OutputTokens) = (120, 30)),
            Step("chat2", "step", 3, s => (s.InputTokens, s.OutputTokens) = (120, 30)));

        Assert.Equal((240L, 60L), CountedTokens.Of(forest));
    }

    [Fact]
    public void A_parent_whose_calls_report_nothing_counts_its_own_tokens()
    {
        var forest = Forest(Step("agent", null, 0, s => s.InputTokens = 50), Step("tool", "agent", 1));

        Assert.Equal((50L, 0L), CountedTokens.Of(forest));
    }

    [Fact]
    public void A_root_reporting_only_its_last_call_is_not_counted_over_its_calls()
    {
        // AI SDK 5: the root's ai.usage.* is the last step's, not the total.
        var forest = Forest(
            Step("root", null, 0, s => (s.InputTokens, s.OutputTokens) = (120, 30)),
            Step("gen1", "root", 1, s => (s.InputTokens, s.OutputTokens) = (120, 30)),
            Step("gen2", "root", 2, s => (s.InputTokens, s.OutputTokens) = (120, 30)));

        Assert.Equal((240L, 60L), CountedTokens.Of(forest));
    }

    [Theory]
    [InlineData("support_orders_lookup", "orders_lookup", true)]
    [InlineData("orders_lookup", "orders_lookup", true)]
    [InlineData("plugin.orders_lookup", "orders_lookup", true)]
    [InlineData("xorders_lookup", "orders_lookup", false)]
    [InlineData("refund", "orders_lookup", false)]
    public void A_tool_span_inside_a_span_of_the_same_tool_repeats_it(string outer, string inner, bool repeat)
    {
        var forest = Forest(
            Step("outer", null, 0, s => (s.Kind, s.ToolName) = (StepKind.Tool, outer)),
            Step("inner", "outer", 1, s => (s.Kind, s.ToolName) = (StepKind.Tool, inner)));

        Assert.Equal(repeat, RepeatedToolSpans.IsRepeat(forest, 1));
        Assert.False(RepeatedToolSpans.IsRepeat(forest, 0));
        Assert.Equal(repeat ? 1 : 2, RepeatedToolSpans.CountCalls(forest));
    }

    [Fact]
    public void Equal_arguments_make_nested_tool_spans_one_call_whatever_the_names()
    {
        var forest = Forest(
            Step("outer", null, 0, s => (s.Kind, s.ToolName, s.ToolArgumentsHash) = (StepKind.Tool, "a", "h1")),
            Step("inner", "outer", 1, s => (s.Kind, s.ToolName, s.ToolArgumentsHash) = (StepKind.Tool, "b", "h1")));

        Assert.Equal(1, RepeatedToolSpans.CountCalls(forest));
    }

    [Fact]
    public void Only_the_deepest_failure_of_a_chain_counts()
    {
        var forest = Forest(
            Step("root", null, 0, s => s.Status = StepStatus.Error),
            Step("outer", "root", 1, s => s.Status = StepStatus.Error),
            Step("inner", "outer", 2, s => s.Status = StepStatus.Error),
            Step("other", "root", 3, s => s.Status = StepStatus.Error),
            Step("fine", "root", 4));

        Assert.Equal([false, false, true, true, false], RootCauseErrors.Causes(forest));
        Assert.Equal(2, RootCauseErrors.Count(forest));
    }

    [Fact]
    public void The_failure_starts_at_the_first_cause_to_start_and_its_failed_parents_are_counted()
    {
        var forest = Forest(
            Step("run", null, 0, s => s.Status = StepStatus.Error),
            Step("tool", "run", 1, s => s.Status = StepStatus.Error),
            Step("http", "tool", 2, s => s.Status = StepStatus.Error),
            Step("late", "run", 9, s => s.Status = StepStatus.Error),
            Step("fine", "run", 3));

        var cause = RootCauseErrors.First(forest.Tree, i => forest[i].Status == StepStatus.Error, i => forest[i].StartTime);

        Assert.Equal(new RootCause(2, 2, 2), cause);
        Assert.Equal(RootCauseErrors.Count(forest), cause!.Causes);
        Assert.Null(RootCauseErrors.First(forest.Tree, _ => false, i => i));
    }

    [Fact]
    public void A_child_with_its_parents_start_is_numbered_after_it_whatever_the_span_ids()
    {
        // Span ids sort the child first; the same start millisecond must not.
        var forest = Forest(Step("b-parent", null, 0), Step("a-child", "b-parent", 0), Step("c-sibling", null, 5));

        Assert.Equal([1, 2, 3], StepOrder.Numbers(forest));
    }

    [Fact]
    public void A_child_whose_clock_is_behind_its_parent_still_follows_it()
    {
        var forest = Forest(Step("parent", null, 10), Step("child", "parent", 2), Step("early", null, 5));

        Assert.Equal([2, 3, 1], StepOrder.Numbers(forest));
    }

    [Fact]
    public void A_parent_cycle_in_what_was_sent_does_not_hang()
    {
        var forest = Forest(Step("a", "b", 0, s => s.Status = StepStatus.Error), Step("b", "a", 1, s => s.Status = StepStatus.Error));

        Assert.Equal(2, StepOrder.Numbers(forest).Distinct().Count());
        Assert.Equal(1, RootCauseErrors.Count(forest));
    }

    private static StepForest Forest(params Step[] steps) => new(steps);

    private static Step Step(string spanId, string? parent, double offsetMs, Action<Step>? configure = null)
    {
        var step = new Step
        {
            TraceId = new string('a', 32),
            SpanId = spanId,
            ParentSpanId = parent,
            RunId = "run-1",
            Name = spanId,
            StartTime = Start.AddMilliseconds(offsetMs),
        };
        configure?.Invoke(step);
        return step;
    }
}
