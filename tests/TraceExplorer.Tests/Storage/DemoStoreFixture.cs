using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Storage;

/// <summary>One seeded store shared by the read-only query tests of a class.</summary>
public sealed class DemoStoreFixture : IAsyncLifetime
{
    public const int RunCount = 600;

    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync();
        await Store.SeedDemoAsync(RunCount);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
