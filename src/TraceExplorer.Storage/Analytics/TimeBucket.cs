namespace TraceExplorer.Storage.Analytics;

public enum TimeBucket
{
    Hour,
    Day,
}
