using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>Values per series over time: lines (trends) or stacked bars (counts).</summary>
public static class SeriesChart
{
    /// <param name="scale">Multiplies values for display, e.g. 100 for rates shown as percentages, 0.001 for milliseconds as seconds.</param>
    public static ChartFigure Lines(IEnumerable<DailyValue> points, string yTitle, double scale = 1, int height = 300, double? threshold = null, string? thresholdLabel = null)
    {
        var traces = new List<ITrace>();
        foreach (var (series, i) in points.GroupBy(p => p.Series).Select((g, i) => (g, i)))
        {
            traces.Add(new Scatter
            {
                Name = ChartText.Safe(series.Key),
                X = series.Select(p => (object)Time(p.Bucket)).ToList(),
                Y = series.Select(p => (object)Math.Round(p.Value * scale, 3)).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ChartStyle.SeriesColor(i) },
            });
        }

        var layout = ChartStyle.BaseLayout(height);
        layout.XAxis = [(new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }).Themed()];
        layout.YAxis = [(new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }).Themed()];
        if (threshold is { } value)
        {
            layout.Shapes =
            [
                new Shape
                {
                    Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "paper", X0 = 0, X1 = 1, YRef = "y", Y0 = value * scale, Y1 = value * scale,
                    Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = ChartStyle.Error, Dash = "dash", Width = 2 },
                    Label = thresholdLabel is null ? null : new Plotly.Blazor.LayoutLib.ShapeLib.Label { Text = ChartText.Safe(thresholdLabel) },
                },
            ];
        }

        return new ChartFigure(traces, layout);
    }

    public static ChartFigure StackedBars(IEnumerable<DailyValue> points, string yTitle, int height = 260)
    {
        var traces = points.GroupBy(p => p.Series).Select((series, i) => (ITrace)new Bar
        {
            Name = ChartText.Safe(series.Key),
            X = series.Select(p => (object)Time(p.Bucket)).ToList(),
            Y = series.Select(p => (object)p.Value).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartStyle.SeriesColor(i) },
        }).ToList();
        var layout = ChartStyle.BaseLayout(height);
        layout.BarMode = BarModeEnum.Stack;
        layout.XAxis = [(new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }).Themed()];
        layout.YAxis = [(new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle } }).Themed()];
        return new ChartFigure(traces, layout);
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
