using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Storage.Seeding;

namespace TraceExplorer.Storage;

public static class TraceStoreServiceCollectionExtensions
{
    public static IServiceCollection AddTraceStore(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<TraceDbContext>(options => options.UseSqlite(connectionString));
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
        services.AddSingleton<Deletion.RunDeletion>();
        services.AddSingleton<Retention.RetentionService>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<Ingest.SqliteIngestWriter>();
        return services;
    }
}
