using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Api;

/// <summary>The real app over HTTP in memory, on a real store (SQLite, or PostgreSQL when the tests run against it) seeded with the tests' fixed demo data.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync();
        await Store.SeedDemoAsync(300);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Store.AppSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("DemoData:SeedOnEmptyStore", "false");
        builder.UseSetting("Ingest:EndUserHashKey", "api-tests");
        builder.UseEnvironment("Production");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Store.DisposeAsync();
    }
}
