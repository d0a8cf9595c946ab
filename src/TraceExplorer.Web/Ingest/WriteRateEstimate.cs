namespace TraceExplorer.Web.Ingest;

/// <summary>
/// How fast the writer stores items (spans and decisions), from the writes it has done (or, for admission, how fast one
/// request is mapped): a moving average of each write's items per second of writing, so the queue can be sized in time rather than in requests. Before the first
/// write it assumes <see cref="InitialItemsPerSecond"/>, below what a cold start achieves, so early estimates err long.
/// </summary>
/// <param name="initialItemsPerSecond">The rate assumed before the first measurement.</param>
public sealed class WriteRateEstimate(double initialItemsPerSecond = WriteRateEstimate.InitialItemsPerSecond)
{
    public const double InitialItemsPerSecond = 10_000;

    /// <summary>The weight of the newest write: a few writes follow a change of load, one slow write does not swing it.</summary>
    private const double NewestWeight = 0.25;

    private readonly Lock _lock = new();
    private double _itemsPerSecond = initialItemsPerSecond;

    public double ItemsPerSecond
    {
        get
        {
            lock (_lock)
            {
                return _itemsPerSecond;
            }
        }
    }

    public void Record(int items, TimeSpan elapsed)
    {
        if (items <= 0 || elapsed <= TimeSpan.Zero)
        {
            return;
        }

        var rate = items / elapsed.TotalSeconds;
        lock (_lock)
        {
            _itemsPerSecond = (NewestWeight * rate) + ((1 - NewestWeight) * _itemsPerSecond);
        }
    }

    /// <summary>How long <paramref name="items"/> would take to write at the estimated rate.</summary>
    public TimeSpan TimeToWrite(long items) => TimeSpan.FromSeconds(items / ItemsPerSecond);
}
