using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Ingest;

/// <summary>
/// Caps the request bytes the app holds at once (<see cref="IngestOptions.MaxBytesInFlight"/>), from the first byte
/// read until the request is answered, so many senders, slow senders or large bodies cannot exhaust memory. A request
/// that finds the budget spent waits briefly for others to finish, then is told to retry. When nothing else is held, any
/// one request is let in, so a body up to the size limit always fits.
/// </summary>
public sealed class IngestByteBudget(IOptions<IngestOptions> options)
{
    private readonly Lock _lock = new();
    private readonly long _capacity = options.Value.MaxBytesInFlight;
    private readonly TimeSpan _maxWait = TimeSpan.FromSeconds(options.Value.BytesInFlightWaitSeconds);
    private long _held;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long HeldBytes
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>A lease that grows as a request's body is read and gives everything back when disposed.</summary>
    public Lease Open() => new(this);

    private async Task<bool> TryTakeAsync(long bytes, long alreadyHeld, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _maxWait;
        while (true)
        {
            Task released;
            lock (_lock)
            {
                // Alone in the budget (holding all of it or nothing else is held), a request may always grow.
                if (_held + bytes <= _capacity || _held == alreadyHeld)
                {
                    _held += bytes;
                    return true;
                }

                released = _released.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await released.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    private void Give(long bytes)
    {
        TaskCompletionSource released;
        lock (_lock)
        {
            _held -= bytes;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    /// <summary>One request's share of the budget.</summary>
    public sealed class Lease(IngestByteBudget budget) : IDisposable
    {
        public long Bytes { get; private set; }

        /// <summary>Takes <paramref name="bytes"/> more; false when no room came within <see cref="IngestOptions.BytesInFlightWaitSeconds"/>.</summary>
        public async Task<bool> TryGrowAsync(long bytes, CancellationToken cancellationToken)
        {
            if (!await budget.TryTakeAsync(bytes, Bytes, cancellationToken))
            {
                return false;
            }

            Bytes += bytes;
            return true;
        }

        public void Dispose()
        {
            if (Bytes > 0)
            {
                budget.Give(Bytes);
                Bytes = 0;
            }
        }
    }
}
