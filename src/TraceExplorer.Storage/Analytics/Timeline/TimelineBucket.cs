namespace TraceExplorer.Storage.Analytics.Timeline;

/// <summary>One hour or day of traffic: how many runs, how many failed, and the p95 of their latency.</summary>
public sealed record TimelineBucket(DateTime Start, long Runs, long Failed, double P95Ms)
{
    public double ErrorRate => Runs == 0 ? 0 : (double)Failed / Runs;
}
