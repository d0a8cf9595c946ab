using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;

namespace TraceExplorer.Storage.Queries;

/// <summary>What counts as a failed run, for every report and rollup that counts them.</summary>
public static class FailedRun
{
    /// <summary>1 when the run ended in error, else 0.</summary>
    public static string FlagSql(string alias) => $"""CASE WHEN {alias}."Status" = {SqlEnum.Literal(RunStatus.Error)} THEN 1 ELSE 0 END""";
}
