using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;

namespace TraceExplorer.Tests.Api;

public sealed class RunsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Runs_come_back_camel_cased_with_versions_and_paging()
    {
        var body = await GetJsonAsync("/api/runs?pageSize=5&sort=durationMs&dir=desc");

        Assert.Equal(5, body.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var first = items[0];
        foreach (var name in new[] { "runId", "requestId", "traceId", "agentName", "route", "status", "startTime", "durationMs", "stepCount", "toolCallCount", "errorCount" })
        {
            Assert.True(first.TryGetProperty(name, out _), $"missing {name}");
        }

        Assert.True(first.GetProperty("versions").TryGetProperty("promptVersion", out _));
        Assert.Contains(first.GetProperty("status").GetString(), new[] { "ok", "error" });
        var durations = items.Select(i => i.GetProperty("durationMs").GetDouble()).ToList();
        Assert.Equal(durations.OrderDescending(), durations);
    }

    [Fact]
    public async Task Filters_narrow_the_runs()
    {
        var all = (await GetJsonAsync("/api/runs")).GetProperty("totalCount").GetInt32();
        var filtered = await GetJsonAsync($"/api/runs?status=error&policyVersion={DemoIncidents.Policy.After}&pageSize=500");

        var total = filtered.GetProperty("totalCount").GetInt32();
        Assert.InRange(total, 1, all - 1);
        Assert.All(filtered.GetProperty("items").EnumerateArray(), run =>
        {
            Assert.Equal("error", run.GetProperty("status").GetString());
            Assert.Equal(DemoIncidents.Policy.After, run.GetProperty("versions").GetProperty("policyVersion").GetString());
        });
    }

    [Fact]
    public async Task A_tool_call_id_finds_its_run()
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var step = await db.Steps.AsNoTracking().Where(s => s.ToolCallId != null).OrderBy(s => s.Id).Skip(50).FirstAsync();

        var body = await GetJsonAsync($"/api/runs?q={step.ToolCallId}");

        var run = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(step.RunId, run.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task A_run_its_steps_and_its_decisions()
    {
        var runId = (await GetJsonAsync("/api/runs?pageSize=1")).GetProperty("items")[0].GetProperty("runId").GetString();

        var run = await GetJsonAsync($"/api/runs/{runId}");
        var steps = await GetJsonAsync($"/api/runs/{runId}/steps?limit=3&offset=1");
        var decisions = await GetJsonAsync($"/api/runs/{runId}/decisions");

        Assert.Equal(runId, run.GetProperty("runId").GetString());
        Assert.Equal(3, steps.GetArrayLength());
        Assert.Equal(2, steps[0].GetProperty("stepNumber").GetInt32());
        Assert.Equal(JsonValueKind.Object, steps[0].GetProperty("attributes").ValueKind);
        Assert.True(decisions.GetArrayLength() > 0);
        Assert.Equal("routing", decisions[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_replay_bundle_holds_what_reproducing_the_run_needs()
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var timedOut = await db.Steps.AsNoTracking().OrderBy(s => s.Id).FirstAsync(s => s.ErrorType == "timeout" && s.StepNumber == 7);
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.RunId == timedOut.RunId);

        var response = await _client.GetAsync($"/api/runs/{run.RunId}/replay");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString());
        var bundle = (await response.Content.ReadFromJsonAsync<Core.Replay.ReplayBundle>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        Assert.Equal(Core.Replay.ReplayBundle.CurrentSchema, bundle.Schema);
        Assert.Equal((run.RunId, run.Input, run.PolicyVersion), (bundle.Run.RunId, bundle.Run.Input, bundle.Run.Versions.PolicyVersion));
        Assert.Equal(run.StepCount, bundle.Steps.Count);
        var step7 = bundle.Steps.Single(s => s.StepNumber == 7);
        Assert.Equal(("orders.lookup", true), (step7.ToolCall?.ToolName, step7.Error?.TimedOut));
        Assert.Contains("order_id", step7.ToolCall!.Arguments);
        Assert.All(bundle.Steps.Where(s => s.Kind == "model"), s => Assert.NotNull(s.Model?.Temperature));
        Assert.Contains(bundle.Steps, s => s.Validation is not null);
        Assert.Equal(await db.Decisions.CountAsync(d => d.RunId == run.RunId), bundle.Decisions.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/runs/nope/replay")).StatusCode);
    }

    [Fact]
    public async Task The_cassette_serves_recorded_tool_results_and_reports_misses()
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var lookup = await db.Steps.AsNoTracking().OrderBy(s => s.Id).FirstAsync(s => s.ToolName == "orders.lookup" && s.StepNumber == 7);
        var arguments = JsonDocument.Parse(lookup.AttributesJson!).RootElement.GetProperty("gen_ai.tool.call.arguments").GetString()!;
        var path = $"/api/replay/{lookup.RunId}/tools/orders.lookup";

        var byArguments = await _client.PostAsync(path, new StringContent(arguments));
        var byOrder = await _client.PostAsync(path + "?occurrence=1", new StringContent("""{"order_id":"nope"}"""));
        var miss = await _client.PostAsync(path, new StringContent("""{"order_id":"nope"}"""));
        var badOccurrence = await _client.PostAsync(path + "?occurrence=zero", new StringContent("{}"));

        var hit = await byArguments.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, "arguments", lookup.ToolCallId), (byArguments.StatusCode, hit.GetProperty("matchedBy").GetString(), hit.GetProperty("toolCallId").GetString()));
        Assert.Equal("order", (await byOrder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matchedBy").GetString());
        Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        Assert.False((await miss.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hit").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, badOccurrence.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/replay/nope/tools/x", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task Two_runs_diff_with_aligned_steps_and_what_changed()
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var retry = await db.Runs.AsNoTracking().OrderBy(r => r.StartTime).FirstAsync(r => r.Relation == Core.Model.RunRelation.Retry);

        var diff = await GetJsonAsync($"/api/compare/runs?a={retry.ParentRunId}&b={retry.RunId}");

        var steps = diff.GetProperty("steps").EnumerateArray().ToList();
        var stepsA = steps.Count(s => s.GetProperty("a").ValueKind == JsonValueKind.Object);
        var stepsB = steps.Count(s => s.GetProperty("b").ValueKind == JsonValueKind.Object);
        Assert.Equal(await db.Steps.CountAsync(s => s.RunId == retry.ParentRunId), stepsA);
        Assert.Equal(retry.StepCount, stepsB);
        Assert.Contains(steps, s => s.GetProperty("change").GetString() == "same");
        Assert.All(steps.Where(s => s.GetProperty("change").GetString() is "same" or "changed"), s =>
            Assert.Equal(s.GetProperty("a").GetProperty("kind").GetString(), s.GetProperty("b").GetProperty("kind").GetString()));
        var root = steps[0];
        Assert.Equal(root.GetProperty("b").GetProperty("durationMs").GetDouble() - root.GetProperty("a").GetProperty("durationMs").GetDouble(),
            root.GetProperty("durationDeltaMs").GetDouble(), precision: 6);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/compare/runs?a=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/compare/runs?a={retry.RunId}&b=nope")).StatusCode);
    }

    [Theory]
    [InlineData("/api/runs/does-not-exist")]
    [InlineData("/api/runs/does-not-exist/steps")]
    [InlineData("/api/runs/does-not-exist/decisions")]
    public async Task An_unknown_run_is_404_with_problem_details(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("does-not-exist", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/runs?minDurationMs=fast", "minDurationMs")]
    [InlineData("/api/runs?from=last-tuesday", "from")]
    [InlineData("/api/runs?status=broken", "status")]
    [InlineData("/api/runs?pageSize=0", "pageSize")]
    [InlineData("/api/runs?sort=secret", "sort")]
    [InlineData("/api/runs/x/steps?limit=abc", "limit")]
    public async Task A_bad_value_is_400_naming_the_parameter(string path, string parameter)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_runs_api()
    {
        var document = await GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/runs", out var runs));
        Assert.True(paths.TryGetProperty("/api/runs/{runId}", out _));
        Assert.True(paths.TryGetProperty("/api/runs/{runId}/steps", out _));
        Assert.True(paths.TryGetProperty("/api/runs/{runId}/decisions", out _));
        var parameters = runs.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "from", "to", "status", "agent", "route", "promptVersion", "policyVersion", "toolContractVersion", "routeConfigVersion", "minDurationMs", "q", "page", "pageSize" }, parameters.ToHashSet());
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
