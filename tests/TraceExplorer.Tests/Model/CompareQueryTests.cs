using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class CompareQueryTests
{
    [Fact]
    public void A_link_round_trips_through_the_query_string()
    {
        var query = new CompareQuery { Dimension = "prompt_version", A = "v1 & co", B = "v2", From = "2026-11-01T00:00:00Z", Window = "all", Agent = "support-agent" };

        Assert.Equal(query, CompareQuery.FromUri("http://localhost/compare?" + query.ToQueryString()));
    }

    [Theory]
    [InlineData("promptVersion", CompareDimension.PromptVersion)]
    [InlineData("route_config_version", CompareDimension.RouteConfigVersion)]
    [InlineData("TIME", CompareDimension.Time)]
    public void Dimensions_parse_in_either_spelling(string text, CompareDimension expected)
    {
        var request = new CompareQuery { Dimension = text }.ToRequest(CohortRequest.DefaultMinRuns, out var errors);

        Assert.Empty(errors);
        Assert.Equal(expected, request!.Dimension);
    }

    [Fact]
    public void Without_a_dimension_it_compares_policy_versions_over_the_default_window()
    {
        var request = new CompareQuery().ToRequest(CohortRequest.DefaultMinRuns, out _);

        Assert.Equal(CompareDimension.PolicyVersion, request!.Dimension);
        Assert.False(request.WholeRange);
    }

    [Fact]
    public void Every_bad_value_is_reported_under_its_name()
    {
        var request = new CompareQuery { Dimension = "nope", At = "later", From = "2026-11-02", To = "2026-11-01", Window = "x", A = "v", B = "v" }.ToRequest(CohortRequest.DefaultMinRuns, out var errors);

        Assert.Null(request);
        Assert.Equal(["at", "b", "dimension", "to", "window"], errors.Keys.Order());
    }
}
