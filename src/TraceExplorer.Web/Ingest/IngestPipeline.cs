using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Storage.Ingest;

namespace TraceExplorer.Web.Ingest;

/// <summary>
/// A bounded queue in front of the store writer. Requests wait until their batch is committed; a writer takes every
/// request queued meanwhile into the same transaction, so many small exports cost one commit. SQLite has one writer;
/// on PostgreSQL <see cref="IngestOptions.Writers"/> write at once, each in its own transaction. The queue is sized in
/// time: a request is refused once the work ahead of it (being mapped, queued, being written) would take longer than
/// <see cref="IngestOptions.MaxQueueSeconds"/> at the rates achieved, so exporters back off well before their own
/// timeouts; the check comes before a request is mapped, and before its body is read when the answer is already no.
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
    // Before the first request is mapped, a cold one's rate: redaction on JIT-fresh code maps a few thousand spans a
    // second on one core, and a flood arriving at start-up must not all be admitted on a warm server's figure.
    private readonly WriteRateEstimate _mapRate = new(initialItemsPerSecond: 2_500);
    private long _itemsAhead;
    private long _itemsMapping;

    /// <summary>Items (spans and decisions) queued or being written.</summary>
    public long ItemsAhead => Interlocked.Read(ref _itemsAhead);

    /// <summary>
    /// The work ahead of a new request, in time: the items admitted but still being decoded, redacted and mapped, at
    /// the rate one request maps times the cores (as many map at once, <see cref="MappingSlots"/>), plus the items queued or being written, at the rate
    /// writes achieve. Mapping is counted because it is most of a request's cost: a flood admitted whole would be
    /// mapped all at once on a starved CPU, each request past its sender's timeout.
    /// </summary>
    public TimeSpan WorkAhead => WorkFor(ItemsAhead, Interlocked.Read(ref _itemsMapping));

    private TimeSpan WorkFor(long ahead, long mapping) =>
        _rate.TimeToWrite(ahead) + TimeSpan.FromSeconds(mapping / (_mapRate.ItemsPerSecond * Environment.ProcessorCount));

    /// <summary>
    /// Admitted requests map one per core at a time, the rest wait their turn: so the earliest admitted finish first
    /// instead of all sharing the CPU and all finishing late, and the admission estimate's rate times cores holds.
    /// </summary>
    public SemaphoreSlim MappingSlots { get; } = new(Environment.ProcessorCount);

    /// <summary>Whether a request would be refused whatever its size: checked before its body is read.</summary>
    public bool IsOverCapacity(out TimeSpan retryAfter)
    {
        retryAfter = WorkAhead;
        return retryAfter.TotalSeconds > options.Value.MaxQueueSeconds;
    }

    /// <summary>
    /// Admits a decoded request of <paramref name="items"/> spans or records before it is mapped, or refuses it (with
    /// how long to wait) when the work ahead is already longer than <see cref="IngestOptions.MaxQueueSeconds"/>. An
    /// admitted request reports back through <see cref="Mapped"/> and is then queued without a second check.
    /// </summary>
    public bool TryAdmit(int items, out TimeSpan retryAfter)
    {
        var mapping = Interlocked.Add(ref _itemsMapping, items);
        var ahead = ItemsAhead;
        retryAfter = WorkFor(ahead, mapping - items);

        // With nothing else in hand any one request is admitted, however large.
        if (items == 0 || (ahead == 0 && mapping == items) || retryAfter.TotalSeconds <= options.Value.MaxQueueSeconds)
        {
            return true;
        }

        Interlocked.Add(ref _itemsMapping, -items);
        return false;
    }

    /// <summary>An admitted request's mapping is over (done or failed): its items leave the mapping count.</summary>
    public void Mapped(int items, TimeSpan elapsed)
    {
        Interlocked.Add(ref _itemsMapping, -items);
        _mapRate.Record(items, elapsed);
    }

    /// <summary>
    /// Queues a batch; false when the queue is full or the work ahead would take too long (nothing is queued then),
    /// with how long the sender should wait before it retries. A batch <paramref name="admitted"/> before mapping is
    /// refused only by the request-count backstop.
    /// </summary>
    public bool TryEnqueue(IngestBatch batch, bool admitted, out Task committed, out TimeSpan retryAfter)
    {
        var pending = new PendingWrite(batch, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        committed = pending.Committed.Task;
        var ahead = Interlocked.Add(ref _itemsAhead, pending.Items);
        var wait = _rate.TimeToWrite(ahead - pending.Items);
        retryAfter = wait;

        // An idle writer takes any one request, however large.
        if ((admitted || ahead == pending.Items || wait.TotalSeconds <= options.Value.MaxQueueSeconds) && _queue.Writer.TryWrite(pending))
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
