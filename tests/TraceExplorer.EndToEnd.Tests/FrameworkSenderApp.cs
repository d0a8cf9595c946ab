namespace TraceExplorer.EndToEnd.Tests;

/// <summary>One app for all the framework senders: each sender's run is told apart by the runs that were there before it.</summary>
public sealed class FrameworkSenderApp : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
