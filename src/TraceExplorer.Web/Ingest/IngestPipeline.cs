using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Storage.Ingest;

namespace TraceExplorer.Web.Ingest;

/// <summary>
/// A bounded queue in front of the store writer. Requests wait until their batch is committed; a writer takes every
/// request queued meanwhile into the same transaction, so many small exports cost one commit. SQLite has one writer;
/// on PostgreSQL <see cref="IngestOptions.Writers"/> write at once, each in its own transaction. The queue is sized in
/// time: a request is refused once the work ahead of it would take longer than <see cref="IngestOptions.MaxQueueSeconds"/>
/// to write at the rate writes have been achieving, so exporters back off well before their own timeouts.
/// </summary>
public sealed class IngestPipeline(
    IngestWriter writer,
    RunChangeNotifier notifier,
    IOptions<IngestOptions> options,
    ILogger<IngestPipeline> logger) : BackgroundService
{
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = options.Value.Writers == 1, FullMode = BoundedChannelFullMode.Wait });

    private readonly WriteRateEstimate _rate = new();
    private long _itemsAhead;

    /// <summary>Items (spans and decisions) queued or being written.</summary>
    public long ItemsAhead => Interlocked.Read(ref _itemsAhead);

    /// <summary>
    /// Queues a batch; false when the queue is full or the work ahead would take too long (nothing is queued then),
    /// with how long the sender should wait before it retries.
    /// </summary>
    public bool TryEnqueue(IngestBatch batch, out Task committed, out TimeSpan retryAfter)
    {
        var pending = new PendingWrite(batch, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        committed = pending.Committed.Task;
        var ahead = Interlocked.Add(ref _itemsAhead, pending.Items);
        var wait = _rate.TimeToWrite(ahead - pending.Items);
        retryAfter = wait;

        // An idle writer takes any one request, however large.
        if ((ahead == pending.Items || wait.TotalSeconds <= options.Value.MaxQueueSeconds) && _queue.Writer.TryWrite(pending))
        {
            return true;
        }

        Interlocked.Add(ref _itemsAhead, -pending.Items);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Value.Writers).Select(_ => WriteQueuedAsync(stoppingToken)));
        }
        finally
        {
            // Shutting down: whatever is still queued was never acknowledged, and its senders will retry.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Committed.TrySetCanceled(CancellationToken.None);
            }
        }
    }

    /// <summary>One writer: takes what is queued (up to a write's worth) and writes it, until the app stops.</summary>
    private async Task WriteQueuedAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var writes = new List<PendingWrite>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                writes.Clear();
                while (writes.Count < options.Value.MaxRequestsPerWrite && reader.TryRead(out var pending))
                {
                    writes.Add(pending);
                }

                await WriteAsync(writes, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var pending in writes)
            {
                pending.Committed.TrySetCanceled(CancellationToken.None);
            }
        }
    }

    private async Task WriteAsync(List<PendingWrite> writes, CancellationToken stoppingToken)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await writer.WriteAsync(writes.Select(w => w.Batch).ToList(), stoppingToken);
            _rate.Record(writes.Sum(w => w.Items), System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Interlocked.Add(ref _itemsAhead, -writes.Sum(w => w.Items));
            logger.LogDebug("Wrote {Requests} request(s): {Spans} new spans, {Duplicates} duplicates, {Decisions} decisions in {Milliseconds:0.0} ms",
                writes.Count, result.StoredSpans, result.DuplicateSpans, result.StoredDecisions, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var pending in writes)
            {
                pending.Committed.TrySetResult();
            }

            writes.Clear();
            notifier.Publish(result.TouchedRunIds);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Log the failure, never the payload: span content stays out of the logs.
            logger.LogError("Writing {Count} export request(s) failed: {Error}", writes.Count, exception.GetType().Name + ": " + exception.Message);
            Interlocked.Add(ref _itemsAhead, -writes.Sum(w => w.Items));
            foreach (var pending in writes)
            {
                pending.Committed.TrySetException(exception);
            }

            writes.Clear();
        }
    }

    private sealed record PendingWrite(IngestBatch Batch, TaskCompletionSource Committed)
    {
        public int Items { get; } = Batch.Spans.Count + Batch.Decisions.Count;
    }
}
