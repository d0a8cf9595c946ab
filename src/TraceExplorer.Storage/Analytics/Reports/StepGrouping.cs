namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>How the slow-steps report groups steps.</summary>
public enum StepGrouping
{
    Kind,
    Name,
    Tool,
    Model,
}
