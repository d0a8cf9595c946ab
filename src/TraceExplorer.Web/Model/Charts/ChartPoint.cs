namespace TraceExplorer.Web.Model.Charts;

/// <summary>
/// A point of a chart the user clicked: its series (the trace's name) and its x value as Plotly reports it, and
/// where it sits in the figure (the trace's index, the point's index within it) for charts that map points back.
/// </summary>
public sealed record ChartPoint(string Series, string X, int Curve = -1, int Index = -1);
