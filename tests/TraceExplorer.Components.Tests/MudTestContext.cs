using MudBlazor;
using MudBlazor.Services;

namespace TraceExplorer.Components.Tests;

/// <summary>A bUnit context with MudBlazor's services. MudBlazor's services dispose only asynchronously, hence IAsyncLifetime.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>Pages load from a real database; the first query of a context also builds EF's model.</summary>
    protected static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(15);

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeContextAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeContextAsync();

    protected virtual Task InitializeContextAsync()
    {
        // Selects and menus render their lists into the popover provider, as MainLayout has it.
        Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    protected virtual async Task DisposeContextAsync() => await DisposeAsync();
}
