namespace TraceExplorer.Web.Model;

/// <summary>
/// Coalesces bursts of change notifications into at most one refresh per interval, so a page stays live during
/// heavy ingest without re-querying for every batch.
/// </summary>
public sealed class LiveRefresh(Func<Task> refresh, TimeSpan interval) : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private int _pending;

    public void Request()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        _ = RefreshLaterAsync();
    }

    public void Dispose() => _disposed.Cancel();

    private async Task RefreshLaterAsync()
    {
        try
        {
            await Task.Delay(interval, _disposed.Token);
            Volatile.Write(ref _pending, 0);
            await refresh();
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }
}
