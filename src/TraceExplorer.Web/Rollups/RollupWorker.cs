using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Rollups;

/// <summary>
/// Keeps the report rollups current: at start-up it rolls up every past hour not rolled up yet (a store written by an
/// older version, or seeded), then every interval the hours that ended or were written to since.
/// </summary>
public sealed class RollupWorker(RollupMaterializer materializer, IOptions<ReportSettings> settings, ILogger<RollupWorker> logger) : BackgroundService
{
    private const int HoursPerPass = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.RollupIntervalSeconds));
            do
            {
                try
                {
                    var rolled = await materializer.RunAsync(HoursPerPass, stoppingToken);
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
