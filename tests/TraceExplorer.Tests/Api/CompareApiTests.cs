using System.Net;
using System.Text.Json;
using TraceExplorer.Core.Demo;

namespace TraceExplorer.Tests.Api;

public sealed class CompareApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Without_values_it_compares_the_two_latest_and_returns_the_exact_query()
    {
        using var response = await _client.GetAsync("/api/compare?dimension=policy_version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal(DemoIncidents.Policy.Before, comparison.GetProperty("a").GetString());
        Assert.Equal(DemoIncidents.Policy.After, comparison.GetProperty("b").GetString());
        Assert.Equal(11, comparison.GetProperty("metrics").GetArrayLength());
        Assert.True(comparison.GetProperty("stepGroups").GetArrayLength() > 5);
        var query = json.RootElement.GetProperty("query").GetString()!;
        Assert.Contains("from=", query, StringComparison.Ordinal);

        // The default pair is one agent's, and the agent is in the query and the comparison.
        var agent = comparison.GetProperty("agent").GetString();
        Assert.False(string.IsNullOrEmpty(agent));
        Assert.Contains("agent=" + agent, query, StringComparison.Ordinal);
        Assert.False(json.RootElement.GetProperty("crossAgent").GetBoolean());
        Assert.Equal([agent!], comparison.GetProperty("agentsB").EnumerateArray().Select(e => e.GetString()!));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("verdict").GetString()));

        // The returned query repeats the comparison exactly.
        using var again = await _client.GetAsync("/api/compare?" + query);
        using var repeated = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(comparison.GetProperty("runsA").GetInt64(), repeated.RootElement.GetProperty("comparison").GetProperty("runsA").GetInt64());
    }

    [Fact]
    public async Task Before_and_after_by_default_is_one_agents_latest_change_over_that_agents_runs()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/compare?dimension=time"));

        var comparison = json.RootElement.GetProperty("comparison");
        var agent = comparison.GetProperty("agent").GetString();
        Assert.False(string.IsNullOrEmpty(agent));
        Assert.Contains("agent=" + agent, json.RootElement.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.False(json.RootElement.GetProperty("crossAgent").GetBoolean());
        Assert.Equal([agent!], comparison.GetProperty("agentsA").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal([agent!], comparison.GetProperty("agentsB").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public async Task The_change_timeline_keeps_to_the_agent_asked_for()
    {
        using var all = JsonDocument.Parse(await _client.GetStringAsync("/api/compare/timeline"));
        using var billing = JsonDocument.Parse(await _client.GetStringAsync("/api/compare/timeline?agent=billing-agent"));
        using var none = JsonDocument.Parse(await _client.GetStringAsync("/api/compare/timeline?agent=no-such-agent"));

        static long Runs(JsonDocument timeline) => timeline.RootElement.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("runs").GetInt64());
        Assert.InRange(Runs(billing), 1, Runs(all) - 1);
        Assert.Equal(0, Runs(none));
    }

    [Fact]
    public async Task A_side_under_the_minimum_gets_not_enough_runs_and_no_claim()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/compare?dimension=time&at=2026-11-19T14:00:00Z&window=all"));

        var comparison = json.RootElement.GetProperty("comparison");
        Assert.True(comparison.GetProperty("runsB").GetInt64() < 20); // the last ten hours of the demo's traffic
        Assert.False(comparison.GetProperty("enoughRuns").GetBoolean());
        Assert.StartsWith("Not enough runs to tell (A ", json.RootElement.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.All(comparison.GetProperty("metrics").EnumerateArray(), m => Assert.False(m.GetProperty("regressed").GetBoolean() || m.GetProperty("improved").GetBoolean()));
    }

    [Theory]
    [InlineData("dimension=colour", "dimension")]
    [InlineData("dimension=time&at=yesterday", "at")]
    [InlineData("dimension=route&a=x&b=x", "b")]
    [InlineData("window=forever", "window")]
    public async Task A_bad_value_is_a_400_naming_its_parameter(string query, string parameter)
    {
        using var response = await _client.GetAsync("/api/compare?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_dimension_with_one_value_is_a_404_that_says_why()
    {
        using var response = await _client.GetAsync("/api/compare?dimension=route&agent=no-such-agent");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("fewer than two values", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_and_after_an_instant_splits_the_runs_there()
    {
        using var response = await _client.GetAsync("/api/compare?dimension=time&at=2026-11-15T00:00:00Z&window=all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var comparison = json.RootElement.GetProperty("comparison");
        Assert.Equal("before", comparison.GetProperty("a").GetString());
        var all = JsonDocument.Parse(await _client.GetStringAsync("/api/runs?pageSize=1")).RootElement.GetProperty("totalCount").GetInt64();
        var before = JsonDocument.Parse(await _client.GetStringAsync("/api/runs?pageSize=1&to=2026-11-15T00:00:00Z")).RootElement.GetProperty("totalCount").GetInt64();
        Assert.Equal(before, comparison.GetProperty("runsA").GetInt64());
        Assert.Equal(all, comparison.GetProperty("runsA").GetInt64() + comparison.GetProperty("runsB").GetInt64());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_comparison()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/compare\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/compare/runs\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_lists_each_version_dimension_with_its_changes()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/compare/timeline"));

        var dimensions = json.RootElement.GetProperty("dimensions");
        Assert.Equal(4, dimensions.GetArrayLength());
        var policy = dimensions.EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "policyVersion");
        var change = policy.GetProperty("changes")[0];
        Assert.Equal((DemoIncidents.Policy.Before, DemoIncidents.Policy.After), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/compare/timeline?from=soon")).StatusCode);
    }
}
