using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Timeline;
using TraceExplorer.Testing;
using TraceExplorer.Web.Ingest;

namespace TraceExplorer.Components.Tests;

/// <summary>A MudBlazor test context with a real SQLite store behind the pages' queries.</summary>
public abstract class PageTestContext : MudTestContext
{
    protected TestStore Store { get; private set; } = null!;

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>What ingest publishes when runs change; tests publish on it as ingest would.</summary>
    protected RunChangeNotifier Changes { get; } = new();

    /// <summary>The signed-in user's role for the page under test.</summary>
    protected virtual string Role => "Admin";

    /// <summary>How many demo runs to seed; 0 leaves the store empty.</summary>
    protected virtual int DemoRuns => 200;

    /// <summary>
    /// The page prerenders outside a circuit and hands its first screen to the circuit through the page state, set up
    /// once every service is registered (setting it up reads one).
    /// </summary>
    protected virtual bool HandsOverPageState => false;

    protected override async Task InitializeContextAsync()
    {
        Store = await TestStore.CreateAsync();
        if (DemoRuns > 0)
        {
            await Store.SeedDemoAsync(DemoRuns);
        }

        Services.AddSingleton(Store.Queries);
        Services.AddSingleton(Store.Steps);
        Services.AddSingleton(Store.Get<CohortComparisonQueries>());
        Services.AddSingleton(Store.Get<ChangeTimelineQueries>());
        Services.AddSingleton(Store.Get<TraceExplorer.Storage.Analytics.Explain.ExplainQueries>());
        Services.AddSingleton(Store.Get<TraceExplorer.Storage.Analytics.Reports.DecisionQueries>());
        Services.AddSingleton(Store.Get<TraceExplorer.Storage.Analytics.Reports.ComplaintQueries>());
        Services.AddSingleton(Store.Get<TraceExplorer.Storage.Analytics.Reports.LatencyReportQueries>());
        Services.AddSingleton(Store.Get<TraceExplorer.Storage.Analytics.Reports.SlowStepQueries>());
        Services.AddSingleton(Store.Get<TraceExplorer.Storage.Analytics.Reports.ValidationQueries>());
        Services.TryAddSingleton(TimeProvider.System);
        Services.AddSingleton(Changes);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("test-user");
        authorization.SetRoles(Role);
        if (HandsOverPageState)
        {
            this.AddBunitPersistentComponentState();
        }

        // As in the app's circuit: controls that wait for it (disabled while prerendered) are live.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        await base.InitializeContextAsync();
    }

    /// <summary>The query parameters of a link the page rendered.</summary>
    protected static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> LinkQuery(string? href) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), href).Query);

    protected override async Task DisposeContextAsync()
    {
        await base.DisposeContextAsync();
        await Store.DisposeAsync();
    }
}
