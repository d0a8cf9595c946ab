using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Rollups;

/// <summary>
/// Keeps the report rollups current: shortly after start-up it rolls up every past hour not rolled up yet (a store
/// written by an older version, or seeded), then every interval the hours that ended or were written to since. It
/// starts half a minute late, as retention does, so that start-up (migrations, demo seeding, the first requests)
/// has the two cores to itself; reports read the hours not rolled up yet from the steps meanwhile.
/// </summary>
public sealed class RollupWorker(RollupMaterializer materializer, IOptions<ReportSettings> settings, ILogger<RollupWorker> logger) : BackgroundService
{
    private const int HoursPerPass = 500;

    private static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(StartDelay, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.RollupIntervalSeconds));
            do
            {
                try
                {
                    var rolled = await materializer.RunAsync(HoursPerPass, onlySettled: true, stoppingToken);
                    if (rolled > 0)
                    {
                        logger.LogDebug("Rolled up {Hours} hour(s) of runs for the reports", rolled);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError("Rolling up runs for the reports failed and will be tried again: {Error}", exception.GetType().Name + ": " + exception.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
