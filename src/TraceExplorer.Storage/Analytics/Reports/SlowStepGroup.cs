namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>One row of the slow-steps report. Failures are error spans and failed validations.</summary>
public sealed record SlowStepGroup(string Group, long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, long Failures, double TotalMs)
{
    public double ErrorRate => Count == 0 ? 0 : (double)Failures / Count;
}
