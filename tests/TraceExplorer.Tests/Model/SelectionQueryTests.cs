using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

/// <summary>A page's chosen row is part of its link, and not part of what the page reads.</summary>
public sealed class SelectionQueryTests
{
    [Fact]
    public void A_chosen_row_round_trips_and_is_left_out_of_the_report()
    {
        var analytics = new AnalyticsQuery { Agent = "a", By = "route", Dimension = "route", Series = "primary", Selected = "2026-11-24T09:00:00Z" };
        Assert.Equal(analytics, AnalyticsQuery.FromUri("/reports/latency?" + analytics.ToQueryString()));
        Assert.Equal(new AnalyticsQuery { Agent = "a", By = "route" }, analytics.Unselected);

        var decisions = new DecisionQuery { Kind = "Fallback", Page = "2", Selected = "42" };
        Assert.Equal("kind=Fallback&page=2&selected=42", decisions.ToQueryString());
        Assert.Equal(decisions, DecisionQuery.FromUri("/decisions?" + decisions.ToQueryString()));
        Assert.Equal(decisions with { Selected = null }, decisions.Unselected);

        var compare = new CompareQuery { Dimension = "policy_version", A = "p1", B = "p2", Group = "tool:orders.lookup" };
        Assert.Equal(compare, CompareQuery.FromUri("/compare?" + compare.ToQueryString()));
        Assert.Equal(compare with { Group = null }, compare.Unselected);
    }
}
