using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using TraceExplorer.Core.Demo;
using TraceExplorer.Storage;
using TraceExplorer.Storage.Seeding;
using TraceExplorer.Web.Api;
using TraceExplorer.Web.Components;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Ingest;
using TraceExplorer.Web.Ingest.Grpc;
using TraceExplorer.Web.Ingest.Http;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Extensions;

public static class TraceExplorerAppExtensions
{
    private const string SeedStepsOption = "seed-demo-steps";

    /// <summary>Migrates the store and, when it is empty and seeding is on, fills it with demo runs.</summary>
    public static async Task InitializeTraceStoreAsync(this WebApplication app)
    {
        var contextFactory = app.Services.GetRequiredService<IDbContextFactory<TraceDbContext>>();
        await StoreInitializer.InitializeAsync(contextFactory);
        await app.Services.GetRequiredService<TraceExplorer.Storage.Partitions.StepPartitions>().MaintainAsync(DateTime.UtcNow);

        var settings = app.Services.GetRequiredService<IOptions<DemoDataSettings>>().Value;
        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        if (settings.SeedOnEmptyStore && await seeder.SeedIfEmptyAsync(DemoOptions(settings) with { RunCount = settings.RunCount }) is { } result)
        {
            app.Logger.LogInformation("Seeded the empty store with {Runs} demo runs ({Steps} steps)", result.Runs, result.Steps);
        }
    }

    /// <summary>
    /// <c>--seed-demo-steps N</c>: fill an empty store with about N steps of demo runs for benchmarks, then exit.
    /// Returns true when the option was given.
    /// </summary>
    public static async Task<bool> RunCommandLineSeedAsync(this WebApplication app)
    {
        var requested = app.Configuration[SeedStepsOption];
        if (requested is null)
        {
            return false;
        }

        if (!long.TryParse(requested, out var steps) || steps < 1)
        {
            throw new InvalidOperationException($"--{SeedStepsOption} takes a positive whole number of steps, not '{requested}'.");
        }

        await StoreInitializer.InitializeAsync(app.Services.GetRequiredService<IDbContextFactory<TraceDbContext>>());
        var seeder = app.Services.GetRequiredService<DemoSeeder>();
        if (!await seeder.StoreIsEmptyAsync())
        {
            throw new InvalidOperationException($"--{SeedStepsOption} seeds an empty store only; point ConnectionStrings__TraceStore at a new file.");
        }

        var settings = app.Services.GetRequiredService<IOptions<DemoDataSettings>>().Value;
        // Runs average about 20 steps, so this many runs spread over the demo's two weeks (and its planted changes)
        // reach the requested step count near the end; generation stops as soon as it is reached.
        var options = DemoOptions(settings) with { RunCount = (int)Math.Min(int.MaxValue, (steps / 20) + 1), MaxSteps = steps };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await seeder.SeedAsync(options);
        app.Logger.LogInformation("Seeded {Runs} runs, {Steps} steps, {Decisions} decisions in {Seconds:0.0} s",
            result.Runs, result.Steps, result.Decisions, started.Elapsed.TotalSeconds);
        return true;
    }

    public static WebApplication MapTraceExplorer(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // A request the client got wrong (a bad form, a failed antiforgery check, a body that stalled) keeps its 4xx.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UsePortPurposes();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets")) });
        // The document names every route and parameter: as private as the API itself.
        app.MapOpenApi().RequireAuthorization(AccessPolicies.Viewer);
        app.MapSignIn();
        app.MapRunsApi();
        app.MapEndUsersApi();
        app.MapReplayApi();
        app.MapCompareApi();
        app.MapAnalyticsApi();
        app.MapExplainApi();
        app.MapDecisionsApi();
        app.MapComplaintsApi();
        var ingest = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value;
        app.MapOtlpHttp(ingest.MaxRequestBodyBytes);
        app.MapOtlpGrpc(ingest.MaxRequestBodyBytes);
        if (app.Services.GetRequiredService<IngestStartupReport>().Warning is { } warning)
        {
            app.Logger.LogWarning("{Warning}", warning);
        }

        if (app.Services.GetRequiredService<BrowserTokens>().GeneratedAdminToken is { } token)
        {
            // Printed once: the only way in until tokens are configured (Frontend:BrowserTokens).
            var ui = app.Configuration[WebHostDefaults.ServerUrlsKey]?.Split(';')[0] ?? "http://localhost:5080";
            app.Logger.LogWarning("Sign in as admin: {Url}/login?token={Token}", ui.TrimEnd('/'), token);
        }

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    // Demo traffic ends at the current hour, so a fresh store always shows the last two weeks.
    private static DemoDataOptions DemoOptions(DemoDataSettings settings)
    {
        var now = DateTime.UtcNow;
        return new DemoDataOptions { Seed = settings.Seed, End = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc) };
    }
}
