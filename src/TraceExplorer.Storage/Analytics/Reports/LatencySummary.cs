namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>The report's headline figures for a period; the p95 is estimated within 1 % when <see cref="Estimated"/>.</summary>
public sealed record LatencySummary(long Runs, long Failed, long OverSlo, double P95Ms, bool Estimated = false)
{
    public double ErrorRate => Runs == 0 ? 0 : (double)Failed / Runs;

    public double OverSloShare => Runs == 0 ? 0 : (double)OverSlo / Runs;
}
