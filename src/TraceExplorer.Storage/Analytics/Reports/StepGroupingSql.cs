namespace TraceExplorer.Storage.Analytics.Reports;

internal static class StepGroupingSql
{
    /// <summary>The grouping's column over the steps table under <paramref name="alias"/>; steps where it is null belong to no group.</summary>
    public static string Column(StepGrouping grouping, string alias = "s") => grouping switch
    {
        StepGrouping.Kind => $"{alias}.\"Kind\"",
        StepGrouping.Name => $"{alias}.\"Name\"",
        StepGrouping.Tool => $"{alias}.\"ToolName\"",
        _ => $"{alias}.\"Model\"",
    };
}
