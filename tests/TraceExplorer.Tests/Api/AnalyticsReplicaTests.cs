using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Api;

/// <summary>With ConnectionStrings:TraceStoreAnalytics set, reports read the replica and everything else the store.</summary>
public sealed class AnalyticsReplicaTests : IAsyncLifetime
{
    private TestStore _primary = null!;
    private TestStore _replica = null!;

    public async Task InitializeAsync()
    {
        _primary = await TestStore.CreateAsync();
        _replica = await TestStore.CreateAsync();
        await _replica.SeedDemoAsync(100);
    }

    public async Task DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _replica.DisposeAsync();
    }

    [Fact]
    public async Task Reports_read_the_replica_while_the_runs_list_reads_the_store()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in _primary.AppSettings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("ConnectionStrings:TraceStoreAnalytics", _replica.ConnectionString);
            builder.UseSetting("DemoData:SeedOnEmptyStore", "false");
            builder.UseSetting("Ingest:EndUserHashKey", "replica-tests");
            builder.UseEnvironment("Production");
        });
        using var client = factory.CreateClient();

        using var runs = JsonDocument.Parse(await client.GetStringAsync("/api/runs?pageSize=1"));
        using var report = JsonDocument.Parse(await client.GetStringAsync("/api/reports/latency?range=all"));

        Assert.Equal(0, runs.RootElement.GetProperty("totalCount").GetInt64());
        Assert.InRange(report.RootElement.GetProperty("summary").GetProperty("runs").GetInt64(), 100, 200);
    }
}
