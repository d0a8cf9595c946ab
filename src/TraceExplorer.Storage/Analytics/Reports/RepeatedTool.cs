namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// A tool called with identical arguments at least N times within a run. <see cref="RepeatedCalls"/> and
/// <see cref="TimeInRepeatsMs"/> count every such call after the first.
/// </summary>
public sealed record RepeatedTool(string Tool, long RunsAffected, long RunsCalling, long RepeatedCalls, double TimeInRepeatsMs)
{
    /// <summary>Of the runs that called the tool, the share that repeated it.</summary>
    public double ShareOfRuns => RunsCalling == 0 ? 0 : (double)RunsAffected / RunsCalling;
}
