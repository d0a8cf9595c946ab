using Plotly.Blazor;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>What a chart draws: its traces and layout, built by a pure chart builder and handed to <c>ChartView</c>.</summary>
public sealed record ChartFigure(IList<ITrace> Data, Layout Layout);
