namespace TraceExplorer.EndToEnd.Tests;

/// <summary>An empty app with unsecured ingest and a small body limit, so the limit is cheap to test.</summary>
public sealed class IngestAppFixture : IAsyncLifetime
{
    public const int MaxBodyBytes = 1024 * 1024;

    public AppProcess App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await AppProcess.StartAsync(new Dictionary<string, string> { ["Ingest__MaxRequestBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await App.DisposeAsync();
}
