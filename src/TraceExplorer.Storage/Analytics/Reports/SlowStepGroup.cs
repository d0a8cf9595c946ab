namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// One row of the slow-steps report. Failures are error spans and failed validations. Percentiles are exact, or when
/// <see cref="Estimated"/> read from rolled-up duration histograms, within 1 % (<see cref="Rollups.DurationHistogram"/>);
/// the counts, total and maximum are always exact.
/// </summary>
public sealed record SlowStepGroup(string Group, long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long Failures, double TotalMs, bool Estimated = false)
{
    public double ErrorRate => Count == 0 ? 0 : (double)Failures / Count;
}
