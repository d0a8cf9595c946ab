namespace TraceExplorer.Web.Model.Charts;

/// <summary>The x range a drag across a chart covers, as Plotly reports it (date text on a time axis).</summary>
public sealed record ChartRange(object? Start, object? End);
