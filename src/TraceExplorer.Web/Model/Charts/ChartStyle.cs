using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>The look every chart shares: transparent background (it sits on the page's light or dark surface), muted text, cohort colours.</summary>
public static class ChartStyle
{
    public const string CohortA = "#5c6bc0";
    public const string CohortB = "#ef6c00";
    public const string Error = "#e53935";
    public const string Line = "#7e57c2";

    /// <summary>The previous period laid over the current one: a grey that stays faint on both surfaces.</summary>
    public const string Previous = "#9e9e9e";

    /// <summary>A qualitative palette for series such as version values, readable on light and dark backgrounds.</summary>
    public static readonly IReadOnlyList<string> Series =
        ["#5c6bc0", "#ef6c00", "#26a69a", "#ab47bc", "#8d6e63", "#66bb6a", "#ec407a", "#29b6f6", "#ffca28", "#78909c"];

    public static Layout BaseLayout(int height) => new()
    {
        Height = height,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = "#888", Size = 12 },
        Margin = new Margin { L = 56, R = 56, T = 24, B = 40 },
        Legend = new[] { new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m } },
    };

    public static string SeriesColor(int index) => Series[index % Series.Count];

    /// <summary>
    /// Gridlines, axis lines and zero lines in a grey that is faint on both the light and the dark surface (Plotly's
    /// default grid is near-white, which glares on dark).
    /// </summary>
    public const string Grid = "rgba(128,128,128,0.22)";

    public const string AxisLine = "rgba(128,128,128,0.5)";

    /// <summary>Version changes and other instants marked on a time axis: amber stands out on both surfaces.</summary>
    public const string Marker = "#f59e0b";

    public static XAxis Themed(this XAxis axis)
    {
        axis.GridColor ??= Grid;
        axis.ZeroLineColor ??= AxisLine;
        axis.LineColor ??= AxisLine;
        return axis;
    }

    public static YAxis Themed(this YAxis axis)
    {
        axis.GridColor ??= Grid;
        axis.ZeroLineColor ??= AxisLine;
        axis.LineColor ??= AxisLine;
        return axis;
    }
}
