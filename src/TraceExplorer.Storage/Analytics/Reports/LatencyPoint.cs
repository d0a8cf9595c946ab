namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// End-to-end run latency of one series in one hour or day. Counts are exact; percentiles are exact, or when
/// <see cref="Estimated"/> read from rolled-up duration histograms, within 1 %.
/// </summary>
public sealed record LatencyPoint(string Series, DateTime Bucket, long Runs, long Failed, long OverSlo, double P50Ms, double P95Ms, double P99Ms, bool Estimated = false)
{
    public double ErrorRate => Runs == 0 ? 0 : (double)Failed / Runs;
}
