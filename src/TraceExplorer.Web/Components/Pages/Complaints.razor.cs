using Microsoft.AspNetCore.Components;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Complaint rates per version value and route; the values far above the rest stand out.</summary>
public sealed partial class Complaints
{
    private IReadOnlyList<ComplaintRate> _rates = [];
    private ChartFigure _chart = new([], new Plotly.Blazor.Layout());

    [Inject] public required ComplaintQueries ComplaintQueries { get; init; }

    protected override string Path => "/analytics/complaints";

    protected override string ApiPath => "/api/analytics/complaints";

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _rates = await ComplaintQueries.GetRatesAsync(request.Filter);
        _chart = ComplaintChart.Build(_rates);
    }

    private string RunsOf(ComplaintRate rate) => "/runs?" + Query.Filters.With(rate.Dimension, rate.Value).ToQueryString();
}
