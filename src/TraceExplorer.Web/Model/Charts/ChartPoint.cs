namespace TraceExplorer.Web.Model.Charts;

/// <summary>A point of a chart the user clicked: its series (the trace's name) and its x value as Plotly reports it.</summary>
public sealed record ChartPoint(string Series, string X);
