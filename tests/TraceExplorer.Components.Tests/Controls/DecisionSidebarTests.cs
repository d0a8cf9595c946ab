using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class DecisionSidebarTests : MudTestContext
{
    private static readonly DecisionItem[] Decisions =
    [
        new() { Kind = DecisionKind.Routing, Outcome = "primary", SpanId = "a", StepNumber = 2 },
        new() { Kind = DecisionKind.PolicyBlock, Outcome = "blocked", SpanId = "b", StepNumber = 5 },
        new() { Kind = DecisionKind.PolicyBlock, Outcome = "blocked", SpanId = "c", StepNumber = 9 },
        new() { Kind = DecisionKind.Audit, Outcome = "logged", SpanId = null },
    ];

    [Fact]
    public void Filtering_by_kind_shows_only_that_kind_and_counts_each_kind()
    {
        var cut = Render<DecisionSidebar>(parameters => parameters.Add(p => p.Decisions, Decisions));
        Assert.Equal(4, cut.FindAll(".ds-item").Count);

        cut.Find(".ds-filters [data-kind=policy_block]").Click();

        Assert.All(cut.FindAll(".ds-item"), item => Assert.Equal("policy_block", item.GetAttribute("data-kind")));
        Assert.Equal(2, cut.FindAll(".ds-item").Count);
        Assert.Contains("(2)", cut.Find(".ds-filters [data-kind=policy_block]").TextContent);
    }

    [Fact]
    public void The_selected_steps_decisions_are_marked_and_a_click_reports_the_decision()
    {
        DecisionItem? clicked = null;
        var cut = Render<DecisionSidebar>(parameters => parameters
            .Add(p => p.Decisions, Decisions)
            .Add(p => p.SelectedSpanId, "b")
            .Add(p => p.OnSelect, (DecisionItem d) => clicked = d));

        Assert.Single(cut.FindAll(".ds-item.of-selected"));
        cut.FindAll(".ds-item")[2].Click();

        Assert.Equal(9, clicked?.StepNumber);
        Assert.True(cut.FindAll(".ds-item")[3].HasAttribute("disabled"));
    }
}
