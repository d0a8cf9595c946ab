namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// A tool called with identical arguments at least N times within a run. <see cref="RepeatedCalls"/> counts the calls
/// beyond one; <see cref="TimeInRepeatsMs"/> is their time: every such call's but the fastest one's, the least that
/// calling once would have cost.
/// </summary>
public sealed record RepeatedTool(string Tool, long RunsAffected, long RunsCalling, long RepeatedCalls, double TimeInRepeatsMs)
{
    /// <summary>Of the runs that called the tool, the share that repeated it.</summary>
    public double ShareOfRuns => RunsCalling == 0 ? 0 : (double)RunsAffected / RunsCalling;
}
