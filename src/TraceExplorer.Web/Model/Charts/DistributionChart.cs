using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>The run-latency distributions of the two cohorts, overlaid as shares of each cohort's runs.</summary>
public static class DistributionChart
{
    public static ChartFigure Build(CohortComparison comparison)
    {
        var bins = comparison.Distribution;
        var width = bins.Count == 0 ? 0 : (bins[0].ToMs ?? 0) - bins[0].FromMs;
        Bar Cohort(string name, string color, Func<DistributionBin, double> share) => new()
        {
            Name = ChartText.Safe(name),
            X = bins.Select(bin => (object)Math.Round((bin.FromMs + (width / 2)) / 1000, 3)).ToList(),
            Y = bins.Select(bin => (object)Math.Round(share(bin) * 100, 2)).ToList(),
            Width = (decimal)Math.Round(width / 1000, 3),
            TextArray = bins.Select(BinLabel).ToList(),
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.None,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
            Opacity = 0.65m,
            HoverTemplate = "%{text}: %{y}% of runs<extra>" + ChartText.Safe(name) + "</extra>",
        };

        var layout = ChartStyle.BaseLayout(300);
        layout.BarMode = BarModeEnum.Overlay;
        layout.XAxis = [(new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Run latency (s); the last bar is everything slower" } }).Themed()];
        layout.YAxis = [(new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "% of runs" }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }).Themed()];
        return new ChartFigure(
            [Cohort("A: " + comparison.A, ChartStyle.CohortA, bin => bin.ShareA), Cohort("B: " + comparison.B, ChartStyle.CohortB, bin => bin.ShareB)],
            layout);
    }

    public static string BinLabel(DistributionBin bin) =>
        bin.ToMs is { } to ? $"{DisplayFormat.Duration(bin.FromMs)}–{DisplayFormat.Duration(to)}" : $"≥ {DisplayFormat.Duration(bin.FromMs)}";
}
