using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Partitions;
using TraceExplorer.Storage.Retention;

namespace TraceExplorer.Web.Retention;

/// <summary>
/// Applies the retention settings once shortly after start-up and then every interval, in small batches; on PostgreSQL
/// it first creates the step partitions of the days ahead.
/// </summary>
public sealed class RetentionWorker(
    RetentionService retention, StepPartitions partitions, IOptions<RetentionOptions> options, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.Interval);
            do
            {
                try
                {
                    await partitions.MaintainAsync(DateTime.UtcNow, stoppingToken);
                    var result = await retention.ApplyAsync(options.Value, DateTime.UtcNow, stoppingToken);
                    if (result.RunsDeleted + result.RunsWithPayloadsRemoved > 0)
                    {
                        logger.LogInformation("Retention deleted {Runs} run(s) and removed payloads from {Payloads} run(s)", result.RunsDeleted, result.RunsWithPayloadsRemoved);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError("A retention pass failed and will be tried again: {Error}", exception.GetType().Name + ": " + exception.Message);
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
