using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.Tests.Api;

public sealed class DeletionApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Deleting_a_run_leaves_no_row_of_it_and_an_audit_record()
    {
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var runId = await db.Runs.AsNoTracking().Where(r => db.Complaints.Any(c => c.RunId == r.RunId) && db.Decisions.Any(d => d.RunId == r.RunId))
            .Select(r => r.RunId).FirstAsync();

        var response = await _client.DeleteAsync($"/api/runs/{runId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/runs/{runId}")).StatusCode);
        Assert.False(await db.Runs.AnyAsync(r => r.RunId == runId));
        Assert.False(await db.Steps.AnyAsync(s => s.RunId == runId));
        Assert.False(await db.Decisions.AnyAsync(d => d.RunId == runId));
        Assert.False(await db.Complaints.AnyAsync(c => c.RunId == runId));
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.Target == runId).ToListAsync();
        Assert.Contains(audit, a => a.Action == "delete_run" && a.Detail!.StartsWith("1 run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasing_an_end_user_deletes_only_their_runs_and_records_the_hash_not_the_id()
    {
        await SendAsync(TraceExplorer.Testing.OtlpSpans.Run(801, "run-erase-a", steps: 2), "customer-to-erase");
        await SendAsync(TraceExplorer.Testing.OtlpSpans.Run(802, "run-erase-b", steps: 2), "customer-to-erase");
        await SendAsync(TraceExplorer.Testing.OtlpSpans.Run(803, "run-keep", steps: 2), "customer-to-keep");

        var response = await _client.DeleteAsync("/api/endusers/customer-to-erase");

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("deletedRuns").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/runs/run-erase-a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/runs/run-erase-b")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/runs/run-keep")).StatusCode);
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var audit = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == "erase_end_user");
        Assert.Equal(result.GetProperty("endUserHash").GetString(), audit.Target);
        Assert.DoesNotContain("customer-to-erase", audit.Target + audit.Detail);
    }

    private async Task SendAsync(List<OpenTelemetry.Proto.Trace.V1.Span> spans, string endUser)
    {
        spans[0].Attributes.Add(Attribute("enduser.id", endUser));
        var content = new ByteArrayContent(Request(spans).ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        var response = await _client.PostAsync("/v1/traces", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
