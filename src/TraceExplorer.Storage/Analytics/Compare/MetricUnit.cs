namespace TraceExplorer.Storage.Analytics.Compare;

public enum MetricUnit
{
    Count,
    Milliseconds,
    Rate,
    PerRun,
}
