using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Analytics.Timeline;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>
/// One version dimension over time: each value's share of traffic (stacked bars, top) above p95 latency and error
/// rate (lines, bottom) on the same time axis, with a dashed line at every change.
/// </summary>
public static class ChangeTimelineChart
{
    public static ChartFigure Build(ChangeTimeline timeline, DimensionTimeline dimension)
    {
        var times = timeline.Buckets.Select(b => (object)Time(b.Start)).ToList();
        var traces = new List<ITrace>();
        for (var i = 0; i < dimension.Values.Count; i++)
        {
            var value = dimension.Values[i].Value;
            var runs = dimension.RunsByValue.GetValueOrDefault(value);
            traces.Add(new Bar
            {
                Name = ChartText.Safe(value),
                X = times,
                Y = timeline.Buckets.Select(b => (object)Share(runs?.GetValueOrDefault(b.Start) ?? 0, b.Runs)).ToList(),
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartStyle.SeriesColor(i) },
                HoverTemplate = "%{x}: %{y}% of runs<extra>" + ChartText.Safe(value) + "</extra>",
            });
        }

        traces.Add(new Scatter
        {
            Name = "p95 latency (s)",
            X = times,
            Y = timeline.Buckets.Select(b => (object)Math.Round(b.P95Ms / 1000, 2)).ToList(),
            YAxis = "y2",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ChartStyle.Line },
        });
        traces.Add(new Scatter
        {
            Name = "error rate (%)",
            X = times,
            Y = timeline.Buckets.Select(b => (object)Math.Round(b.ErrorRate * 100, 1)).ToList(),
            YAxis = "y3",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = ChartStyle.Error, Dash = "dot" },
        });

        var layout = ChartStyle.BaseLayout(380);
        layout.BarMode = BarModeEnum.Stack;
        layout.XAxis = [(new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }).Themed()];
        layout.YAxis =
        [
            (new YAxis { Domain = [0.5m, 1m], Range = [0, 100], Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "% of runs" } }).Themed(),
            (new YAxis { Domain = [0m, 0.4m], RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero, Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "p95 (s)" } }).Themed(),
            (new YAxis
            {
                Overlaying = "y2",
                Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right,
                RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "errors (%)" },
                ShowGrid = false,
            }).Themed(),
        ];
        layout.Shapes = dimension.Changes.Select(change => new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            X0 = Time(change.At),
            X1 = Time(change.At),
            Y0 = 0,
            Y1 = 1,
            XRef = "x",
            YRef = "paper",
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = ChartStyle.Marker, Dash = "dash", Width = 1.5m },
        }).ToList();
        return new ChartFigure(traces, layout);
    }

    private static double Share(long runs, long total) => total == 0 ? 0 : Math.Round((double)runs / total * 100, 1);

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
