using System.Net;
using System.Text.Json;
using TraceExplorer.Core.Demo;

namespace TraceExplorer.Tests.Api;

public sealed class ExplainApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Explain_answers_json_with_the_sentence_the_ranked_values_and_links()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/explain?failedStep={DemoIncidents.TimingOutTool}"));

        var root = json.RootElement;
        Assert.Equal($"failedStep={DemoIncidents.TimingOutTool}", root.GetProperty("query").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("sentence").GetString()));
        Assert.Contains(root.GetProperty("sentenceParts").EnumerateArray(), p => p.GetProperty("href").GetString()?.StartsWith("/runs?", StringComparison.Ordinal) == true);
        var result = root.GetProperty("result");
        Assert.True(result.GetProperty("symptomRuns").GetInt64() > 0);
        Assert.True(result.GetProperty("causes").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Explain_exports_the_ranked_values_as_csv()
    {
        using var response = await _client.GetAsync("/api/explain?status=error&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Dimension,Value,Symptom runs,Symptom share,Baseline runs,Baseline share,Lift,Explains,Adjusted p,Cause,First seen", lines[0]);
        Assert.True(lines.Length > 1);
    }

    [Theory]
    [InlineData("/api/explain?status=broken", "status")]
    [InlineData("/api/explain?from=yesterday", "from")]
    [InlineData("/api/explain?slowStep=orders.lookup", "slowerThanMs")]
    [InlineData("/api/explain?slowerThanMs=-1", "slowerThanMs")]
    [InlineData("/api/explain?complaints=maybe", "complaints")]
    [InlineData("/api/explain?decision=veto", "decision")]
    [InlineData("/api/explain?baseline=yesterday", "baseline")]
    [InlineData("/api/explain?baseline=before", "baseline")]
    [InlineData("/api/explain?baseline=filter&b.status=broken", "b.status")]
    [InlineData("/api/explain?q=refund", "q")]
    [InlineData("/api/explain?format=xml", "format")]
    public async Task A_bad_value_is_a_400_naming_its_parameter(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_chosen_baseline_filter_is_honoured()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/explain?status=error&baseline=filter&b.status=ok"));

        Assert.True(json.RootElement.GetProperty("result").GetProperty("baselineRuns").GetInt64() > 0);
        Assert.Contains("b.status=ok", json.RootElement.GetProperty("query").GetString());
    }
}
