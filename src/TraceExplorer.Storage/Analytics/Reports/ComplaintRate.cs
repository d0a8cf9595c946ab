using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// Complaints among the runs of one version value or route. <see cref="FarAbove"/>: its share of runs with a complaint
/// is significantly above that of the dimension's other values together (two-proportion test, Holm over the values).
/// </summary>
public sealed record ComplaintRate(CompareDimension Dimension, string Value, long Runs, long RunsWithComplaints, long Complaints)
{
    public double PerRun => Runs == 0 ? 0 : (double)Complaints / Runs;

    public double Share => Runs == 0 ? 0 : (double)RunsWithComplaints / Runs;

    public bool FarAbove { get; init; }
}
