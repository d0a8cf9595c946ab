using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class QueryStateTests
{
    [Fact]
    public void Every_named_parameter_is_read_and_others_are_ignored()
    {
        var state = QueryState.Read<CompareQuery>("http://localhost/compare?dimension=model&a=gpt-4o&b=&window=all&unknown=1&group=tool%3Asearch_kb");

        Assert.Equal(new CompareQuery { Dimension = "model", A = "gpt-4o", Window = "all", Group = "tool:search_kb" }, state);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://localhost/runs")]
    [InlineData("?")]
    public void A_url_without_parameters_is_the_empty_state(string uri)
    {
        Assert.Equal(new RunListQuery(), QueryState.Read<RunListQuery>(uri));
    }

    [Fact]
    public void Writing_leaves_out_empty_values_escapes_text_and_keeps_the_declared_order()
    {
        var state = new RunListQuery { Page = "2", Sort = "durationMs", Agent = " ", From = "2026-11-24T09:30:00Z", Q = "order A&B" };

        Assert.Equal("q=order%20A%26B&from=2026-11-24T09%3A30%3A00Z&sort=durationMs&page=2", QueryState.Write(state));
    }

    [Fact]
    public void What_is_written_reads_back_as_the_same_state()
    {
        var state = new AnalyticsQuery
        {
            From = "2026-11-24T09:30:00Z", Agent = "support-agent", RouteConfigVersion = "routes-7", By = "route", Selected = "2026-11-24T10:00:00Z",
            Series = "primary / fallback", Format = "csv",
        };

        Assert.Equal(state, QueryState.Read<AnalyticsQuery>("?" + QueryState.Write(state)));
    }

    [Fact]
    public void An_empty_state_writes_nothing()
    {
        Assert.Equal("", QueryState.Write(new DecisionQuery()));
    }
}
