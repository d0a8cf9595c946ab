namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>End-to-end run latency of one series in one hour or day.</summary>
public sealed record LatencyPoint(string Series, DateTime Bucket, long Runs, long Failed, long OverSlo, double P50Ms, double P95Ms, double P99Ms)
{
    public double ErrorRate => Runs == 0 ? 0 : (double)Failed / Runs;
}
