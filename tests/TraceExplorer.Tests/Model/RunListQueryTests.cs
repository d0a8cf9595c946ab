using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class RunListQueryTests
{
    [Fact]
    public void A_url_parses_into_the_request_it_describes()
    {
        var query = RunListQuery.FromUri(
            "http://localhost/runs?from=2026-11-10T00:00:00Z&to=2026-11-11T12:00:00%2B02:00&status=ERROR&agent=support-agent"
            + "&policyVersion=policy-2026.11.2&model=gpt-4o&minDurationMs=1500.5&q=order%20A-1&page=3&pageSize=25&sort=durationMs&dir=asc");

        var request = query.ToRequest(out var errors);

        Assert.Empty(errors);
        Assert.Equal(new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc), request.Filter.From);
        Assert.Equal(new DateTime(2026, 11, 11, 10, 0, 0, DateTimeKind.Utc), request.Filter.To);
        Assert.Equal(RunStatus.Error, request.Filter.Status);
        Assert.Equal("support-agent", request.Filter.Agent);
        Assert.Equal("policy-2026.11.2", request.Filter.PolicyVersion);
        Assert.Equal("gpt-4o", request.Filter.Model);
        Assert.Equal(1500.5, request.Filter.MinDurationMs);
        Assert.Equal("order A-1", request.Filter.Text);
        Assert.Equal((3, 25, RunSortField.DurationMs, false), (request.Page, request.PageSize, request.Sort, request.Descending));
    }

    [Fact]
    public void An_empty_query_means_newest_first_page_one()
    {
        var request = RunListQuery.FromUri("http://localhost/runs").ToRequest(out var errors);

        Assert.Empty(errors);
        Assert.Equal(new RunFilter(), request.Filter);
        Assert.Equal((1, 50, RunSortField.StartTime, true), (request.Page, request.PageSize, request.Sort, request.Descending));
    }

    [Fact]
    public void What_happened_inside_the_runs_and_the_runs_left_out_parse_and_round_trip()
    {
        var query = RunListQuery.FromUri(
            "http://localhost/runs?failedStep=issue_refund&slowStep=search_kb&slowerThanMs=2000&repeatedTool=search_kb"
            + "&complaints=true&decision=policyBlock&not=" + Uri.EscapeDataString("status=error&agent=support-agent"));

        var request = query.ToRequest(out var errors);

        Assert.Empty(errors);
        Assert.Equal("issue_refund", request.Filter.FailedStep);
        Assert.Equal(("search_kb", 2000d), (request.Filter.SlowStep, request.Filter.SlowerThanMs));
        Assert.Equal("search_kb", request.Filter.RepeatedTool);
        Assert.True(request.Filter.WithComplaints);
        Assert.Equal(DecisionKind.PolicyBlock, request.Filter.Decision);
        Assert.Equal(new RunFilter { Status = RunStatus.Error, Agent = "support-agent" }, request.Filter.Excluding);
        Assert.True(request.Filter.LooksInsideRuns);
        Assert.Equal(request.Filter, ExplainLinks.Query(request.Filter).ToRequest(out var again).Filter);
        Assert.Empty(again);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-11-02T00:00Z&to=2026-11-01T00:00Z", "to")]
    [InlineData("status=failed", "status")]
    [InlineData("status=1", "status")]
    [InlineData("minDurationMs=-5", "minDurationMs")]
    [InlineData("minDurationMs=NaN", "minDurationMs")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("sort=input", "sort")]
    [InlineData("dir=up", "dir")]
    [InlineData("slowStep=search", "slowerThanMs")]
    [InlineData("slowerThanMs=soon", "slowerThanMs")]
    [InlineData("complaints=some", "complaints")]
    [InlineData("decision=nope", "decision")]
    [InlineData("decision=2", "decision")]
    [InlineData("not=status%3Dbroken", "not")]
    [InlineData("not=not%3Dstatus%253Dok", "not")]
    [InlineData("not=q%3Drefund", "not")]
    [InlineData("not=page%3D2", "not")]
    [InlineData("not=colour%3Dred", "not")]
    public void A_bad_value_is_reported_under_its_parameter(string queryString, string parameter)
    {
        RunListQuery.FromUri("http://localhost/runs?" + queryString).ToRequest(out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(parameter, error.Key);
        Assert.NotEmpty(Assert.Single(error.Value));
    }

    [Fact]
    public void The_query_string_round_trips_and_leaves_out_empty_values()
    {
        var query = new RunListQuery { Q = "a b&c", Status = "error", RouteConfigVersion = "routes-v8", Page = "2", Agent = " " };

        var text = query.ToQueryString();

        Assert.Equal("q=a%20b%26c&status=error&routeConfigVersion=routes-v8&page=2", text);
        Assert.Equal(query with { Agent = null }, RunListQuery.FromUri("/runs?" + text));
    }

    [Theory]
    [InlineData("not=")]
    [InlineData("not=%20")]
    public void An_empty_not_is_ignored_like_every_other_empty_parameter(string queryString)
    {
        var request = RunListQuery.FromUri("http://localhost/runs?" + queryString).ToRequest(out var errors);

        Assert.Empty(errors);
        Assert.Null(request.Filter.Excluding);
    }

    [Fact]
    public void A_not_inside_a_not_is_refused_with_a_message_about_nesting()
    {
        RunListQuery.FromUri("http://localhost/runs?not=" + Uri.EscapeDataString("not=status%3Dok")).ToRequest(out var errors);

        Assert.Contains("another 'not'", Assert.Single(errors["not"]));
    }

    [Fact]
    public void Paging_and_sorting_are_not_filters()
    {
        Assert.False(new RunListQuery { Page = "2", Sort = "durationMs", Dir = "asc", PageSize = "25" }.HasFilters);
        Assert.True(new RunListQuery { Route = "primary" }.HasFilters);
    }
}
