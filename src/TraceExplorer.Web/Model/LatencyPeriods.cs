using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>The latency report's period and the one of equal length just before it, for the "change" on its cards.</summary>
public static class LatencyPeriods
{
    /// <returns>The previous period is null when the current one has no start.</returns>
    public static (RunFilter Current, RunFilter? Previous) For(RunFilter filter, DateTime utcNow)
    {
        if (filter.From is not { } from)
        {
            return (filter, null);
        }

        var to = filter.To ?? utcNow;
        return (filter with { To = to }, filter with { From = from - (to - from), To = from });
    }
}
