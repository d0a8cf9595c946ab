using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;

namespace TraceExplorer.Tests.Api;

public sealed class AnalyticsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/analytics/slow-steps?groupBy=kind", "groups")]
    [InlineData("/api/analytics/repeated-tools?minCalls=3", "tools")]
    [InlineData("/api/analytics/validation-failures", "failures")]
    [InlineData("/api/analytics/complaints", "rates")]
    [InlineData("/api/reports/latency?by=route&bucket=day&sloMs=30000", "points")]
    [InlineData("/api/decisions?kind=policyBlock", "items")]
    public async Task Each_report_answers_json_with_its_rows(string path, string rows)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync(path));

        Assert.True(json.RootElement.GetProperty(rows).GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/analytics/slow-steps?format=csv", "Tool,Count,p50,p95,p99,Max,Error rate,Total time")]
    [InlineData("/api/analytics/repeated-tools?format=csv", "Tool,Runs affected,Share of runs calling it,Repeated calls,Time in repeats")]
    [InlineData("/api/analytics/validation-failures?format=csv", "Schema,Reason,Failures,Validations of the schema,Share")]
    [InlineData("/api/analytics/complaints?format=csv", "Dimension,Value,Runs,Complaints,Complaints per run,Runs with a complaint,Far above the rest")]
    [InlineData("/api/reports/latency?format=csv", "Series,Bucket,Runs,p50,p95,p99,Error rate,Over SLO")]
    [InlineData("/api/decisions?format=csv", "Time,Kind,Outcome,Policy,Actor,Target,Reason,Run,Step")]
    public async Task Each_report_exports_its_table_as_csv(string path, string header)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.True(lines.Length > 1);
    }

    [Theory]
    [InlineData("/api/analytics/slow-steps?groupBy=colour", "groupBy")]
    [InlineData("/api/analytics/repeated-tools?minCalls=1", "minCalls")]
    [InlineData("/api/reports/latency?sloMs=-5", "sloMs")]
    [InlineData("/api/reports/latency?bucket=week", "bucket")]
    [InlineData("/api/analytics/complaints?from=yesterday", "from")]
    [InlineData("/api/analytics/validation-failures?format=xml", "format")]
    [InlineData("/api/decisions?kind=veto", "kind")]
    [InlineData("/api/decisions?pageSize=100000", "pageSize")]
    // a time range ending before it starts, the same rule on every page and API
    [InlineData("/api/decisions?from=2026-11-30T00:00:00Z&to=2026-11-29T00:00:00Z", "to")]
    [InlineData("/api/compare/timeline?from=2026-11-30T00:00:00Z&to=2026-11-30T00:00:00Z", "to")]
    [InlineData("/api/analytics/slow-steps?from=2026-11-30T00:00:00Z&to=2026-11-29T00:00:00Z", "to")]
    [InlineData("/api/explain?status=error&from=2026-11-30T00:00:00Z&to=2026-11-29T00:00:00Z", "to")]
    public async Task A_bad_value_is_a_400_naming_its_parameter(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Filters_narrow_every_report_to_the_runs_they_select()
    {
        using var all = JsonDocument.Parse(await _client.GetStringAsync("/api/reports/latency?bucket=day"));
        using var policy = JsonDocument.Parse(await _client.GetStringAsync($"/api/reports/latency?bucket=day&policyVersion={DemoIncidents.Policy.After}"));

        long Runs(JsonDocument report) => report.RootElement.GetProperty("summary").GetProperty("runs").GetInt64();
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(await db.Runs.CountAsync(), Runs(all));
        Assert.Equal(await db.Runs.CountAsync(r => r.PolicyVersion == DemoIncidents.Policy.After), Runs(policy));
    }

    [Fact]
    public async Task A_complaint_is_stored_once_with_its_text_redacted()
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var runId = await db.Runs.OrderBy(r => r.RunId).Select(r => r.RunId).FirstAsync();
        var body = new { externalId = "zendesk-4411", text = "Charged twice, write to jane.doe@example.com" };

        using var first = await _client.PostAsJsonAsync($"/api/runs/{runId}/complaints", body);
        using var again = await _client.PostAsJsonAsync($"/api/runs/{runId}/complaints", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var stored = await db.Complaints.AsNoTracking().Where(c => c.RunId == runId && c.ExternalId == "zendesk-4411").ToListAsync();
        Assert.DoesNotContain("jane.doe@example.com", Assert.Single(stored).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("{\"text\":\"no id\"}", "externalId")]
    public async Task A_malformed_complaint_is_a_400_that_says_what_is_wrong(string body, string parameter)
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var runId = await db.Runs.Select(r => r.RunId).FirstAsync();

        using var response = await _client.PostAsync($"/api/runs/{runId}/complaints", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_complaint_about_an_unknown_run_is_a_404()
    {
        using var response = await _client.PostAsJsonAsync("/api/runs/no-such-run/complaints", new { externalId = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_report()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/analytics/slow-steps", "/api/analytics/repeated-tools", "/api/analytics/validation-failures", "/api/analytics/complaints", "/api/reports/latency", "/api/decisions", "/api/runs/{runId}/complaints" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
