using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class DimensionFilterTests
{
    public static TheoryData<string> Names => [.. RunDimension.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_dimension_set_in_the_url_filters_the_runs_on_that_dimension(string name)
    {
        var dimension = RunDimension.Find(name)!;

        var query = new RunListQuery { Status = "error" }.With(dimension, "v-1");
        var filter = query.ToRequest(out var errors).Filter;

        Assert.Empty(errors);
        Assert.Equal(dimension.Narrow(new RunFilter { Status = Core.Model.RunStatus.Error }, "v-1"), filter);
        Assert.Contains(dimension.FilterName + "=v-1", query.ToQueryString());
        Assert.Equal(query, ExplainLinks.Query(filter));
    }

    [Fact]
    public void Time_has_no_value_to_filter_on()
    {
        var query = new RunListQuery { Agent = "support-agent" };

        Assert.Equal(query, query.With(CompareDimension.Time, "2026-11-24T09:00:00Z"));
        Assert.Equal(query with { Route = "fallback" }, query.With(CompareDimension.Route, "fallback"));
    }

    [Fact]
    public void Setting_an_unknown_parameter_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => QueryState.With(new RunListQuery(), "tenant", "t-1"));
    }
}
