using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Analytics;

/// <summary>The demo data at its default size: the planted incidents' effects need the traffic of a real day to be told from noise.</summary>
public sealed class FullDemoStoreFixture : IAsyncLifetime
{
    public const int DefaultRunCount = 3000;

    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync();
        await Store.SeedDemoAsync(DefaultRunCount);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
