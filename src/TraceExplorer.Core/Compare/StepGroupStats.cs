namespace TraceExplorer.Core.Compare;

/// <summary>A step group within one cohort. Percentiles are NaN when the group has no steps there.</summary>
public sealed record StepGroupStats(long Count, long Failures, double P50Ms, double P95Ms, double TotalMs, double CallsPerRun)
{
    public static readonly StepGroupStats None = new(0, 0, double.NaN, double.NaN, 0, 0);

    public double FailureRate => Count == 0 ? 0 : (double)Failures / Count;

    /// <summary>Steps per run; 0 for no runs.</summary>
    public static double PerRun(long count, long runs) => runs == 0 ? 0 : (double)count / runs;
}
