using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class FailureCauseTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static StepOutline Step(int number, string span, string? parent, StepStatus status, double startMs = 0, StepKind kind = StepKind.Tool) =>
        new(number, span, parent, kind, "step " + number, kind == StepKind.Tool ? "orders.lookup" : null, null, Start.AddMilliseconds(startMs), 10, status,
            status == StepStatus.Error ? "timeout" : null, null);

    [Fact]
    public void The_cause_is_the_deepest_failed_step_and_its_failed_parents_are_counted()
    {
        var steps = new[]
        {
            Step(1, "a", null, StepStatus.Error, kind: StepKind.Plan), Step(2, "b", "a", StepStatus.Ok), Step(3, "c", "a", StepStatus.Error),
            Step(4, "d", "c", StepStatus.Error), Step(5, "e", "a", StepStatus.Ok),
        };

        var cause = FailureCause.Find(steps);

        Assert.Equal((4, 1, 2, "orders.lookup"), (cause!.Step.StepNumber, cause.FailedSteps, cause.FailedAncestors, cause.Tool));
    }

    [Fact]
    public void Of_two_independent_failures_the_first_to_start_is_the_cause_and_both_count()
    {
        var steps = new[]
        {
            Step(1, "a", null, StepStatus.Ok, kind: StepKind.Plan), Step(2, "b", "a", StepStatus.Error, startMs: 30), Step(3, "c", "a", StepStatus.Error, startMs: 10),
        };

        var cause = FailureCause.Find(steps);

        Assert.Equal((3, 2, 0), (cause!.Step.StepNumber, cause.FailedSteps, cause.FailedAncestors));
    }

    [Fact]
    public void A_run_without_failed_steps_has_no_cause_and_a_parent_cycle_ends_the_walk()
    {
        Assert.Null(FailureCause.Find([Step(1, "a", null, StepStatus.Ok), Step(2, "b", "a", StepStatus.Unset)]));
        var cycle = FailureCause.Find([Step(1, "a", "b", StepStatus.Error), Step(2, "b", "a", StepStatus.Ok)]);
        Assert.Equal(1, cycle!.Step.StepNumber);
    }

    [Theory]
    [InlineData(0, "0 tool calls")]
    [InlineData(1, "1 tool call")]
    [InlineData(2, "2 tool calls")]
    [InlineData(1200, "1,200 tool calls")]
    public void Counts_read_in_the_right_number(long count, string text) => Assert.Equal(text, TraceExplorer.Web.Model.DisplayFormat.Count(count, "tool call"));
}
