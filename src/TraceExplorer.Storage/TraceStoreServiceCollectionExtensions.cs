using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceExplorer.Storage.Ingest;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Storage.Seeding;

namespace TraceExplorer.Storage;

public static class TraceStoreServiceCollectionExtensions
{
    /// <param name="analyticsConnectionString">A read replica for the analytics and report queries; null reads them from the store.</param>
    public static IServiceCollection AddTraceStore(this IServiceCollection services, StoreProvider provider, string connectionString, string? analyticsConnectionString = null)
    {
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<TraceDbContext>(options => options.Use(provider, connectionString));
        services.AddSingleton(serviceProvider => new AnalyticsContextFactory(
            serviceProvider.GetRequiredService<IDbContextFactory<TraceDbContext>>(),
            analyticsConnectionString is null ? null : (DbContextOptions<TraceDbContext>)new DbContextOptionsBuilder<TraceDbContext>().Use(provider, analyticsConnectionString).Options));
        services.AddSingleton<RunQueries>();
        services.AddSingleton<StepQueries>();
        services.AddSingleton<ReplayQueries>();
        services.AddSingleton<RunDiffQueries>();
        services.AddSingleton<Analytics.Compare.CohortComparisonQueries>();
        services.AddSingleton<Analytics.Timeline.ChangeTimelineQueries>();
        services.AddSingleton<Analytics.Reports.SlowStepQueries>();
        services.AddSingleton<Analytics.Reports.RepeatedToolQueries>();
        services.AddSingleton<Analytics.Reports.ValidationQueries>();
        services.AddSingleton<Analytics.Reports.ComplaintQueries>();
        services.AddSingleton<Analytics.Reports.LatencyReportQueries>();
        services.AddSingleton<Analytics.Reports.DecisionQueries>();
        services.AddSingleton<Analytics.Explain.ExplainQueries>();
        services.AddSingleton<Analytics.Rollups.RollupMaterializer>();
        services.AddSingleton<Deletion.RunDeletion>();
        services.AddSingleton<Retention.RetentionService>();
        services.AddSingleton<Partitions.StepPartitions>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<IngestWriter>();
        return services;
    }
}
