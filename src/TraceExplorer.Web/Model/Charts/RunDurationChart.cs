using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>
/// The runs list's duration-over-time scatter: one marker per run, failed runs in the error colour. A drag zooms the
/// time axis only (the duration axis is fixed), so the span dragged across is a time range for the list.
/// </summary>
public static class RunDurationChart
{
    /// <summary>The most runs drawn: the newest of the filter. More would slow the page without showing more.</summary>
    public const int MaxPoints = 1000;

    public const string OkSeries = "ok";
    public const string FailedSeries = "failed";

    public static RunDurationFigure Build(IReadOnlyList<RunDurationPoint> points)
    {
        var ok = points.Where(p => !p.Failed).ToList();
        var failed = points.Where(p => p.Failed).ToList();
        var layout = ChartStyle.BaseLayout(170);
        layout.Margin = new Margin { L = 56, R = 16, T = 28, B = 32 };
        layout.DragMode = DragModeEnum.Zoom;
        layout.HoverMode = HoverModeEnum.Closest;
        layout.XAxis = [(new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }).Themed()];
        layout.YAxis = [(new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "duration (s)" }, FixedRange = true, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }).Themed()];
        return new RunDurationFigure(
            new ChartFigure([Trace(OkSeries, ok, ChartStyle.CohortA), Trace(FailedSeries, failed, ChartStyle.Error)], layout),
            [ok.Select(p => p.RunId).ToList(), failed.Select(p => p.RunId).ToList()]);
    }

    private static Scatter Trace(string name, IReadOnlyList<RunDurationPoint> points, string color) => new()
    {
        Name = name,
        Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
        X = points.Select(p => (object)Time(p.StartTime)).ToList(),
        Y = points.Select(p => (object)Math.Round(p.DurationMs / 1000, 3)).ToList(),
        TextArray = points.Select(p => ChartText.Safe(p.RunId)).ToList(),
        HoverTemplate = "%{text}<br>%{x}<br>%{y:.2f} s<extra></extra>",
        Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = color, Size = 6, Opacity = 0.75m },
    };

    /// <summary>Plotly's date text, to the millisecond, in UTC like every time on the page.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>
    /// The time range of a drag as the list's filter: Plotly's axis range (date text in the chart's UTC) widened to
    /// whole seconds so the runs at its edges stay in. Null when the text is not a range of times.
    /// </summary>
    public static (DateTime From, DateTime To)? TimeRange(object? start, object? end)
    {
        if (!TryParse(start, out var from) || !TryParse(end, out var to))
        {
            return null;
        }

        if (to < from)
        {
            (from, to) = (to, from);
        }

        var floor = new DateTime(from.Ticks - from.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var ceiling = new DateTime(to.Ticks - to.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        return (floor, ceiling);
    }

    private static bool TryParse(object? value, out DateTime utc)
    {
        utc = default;
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }
}
