using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model.Charts;

/// <summary>Complaints per run for each value, one bar group per dimension; the values far above the rest in red.</summary>
public static class ComplaintChart
{
    public static ChartFigure Build(IReadOnlyList<ComplaintRate> rates)
    {
        var bar = new Bar
        {
            Name = "complaints per run",
            X = rates.Select(r => (object)ChartText.Safe($"{CompareDimensions.Label(r.Dimension)}: {r.Value}")).ToList(),
            Y = rates.Select(r => (object)Math.Round(r.PerRun, 4)).ToList(),
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = rates.Select(r => (object)(r.FarAbove ? ChartStyle.Error : ChartStyle.CohortA)).ToList() },
        };
        var layout = ChartStyle.BaseLayout(320);
        layout.Margin = new Margin { L = 56, R = 24, T = 24, B = 140 };
        layout.ShowLegend = false;
        layout.YAxis = [(new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "complaints per run" } }).Themed()];
        return new ChartFigure([bar], layout);
    }
}
