using Microsoft.AspNetCore.Components;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Complaint rates per version value and route; the values far above the rest stand out.</summary>
public sealed partial class Complaints
{
    private IReadOnlyList<ComplaintRate> _rates = [];
    private ChartFigure _chart = new([], new Plotly.Blazor.Layout());
    private ComplaintRate? _selected;

    [Inject] public required ComplaintQueries ComplaintQueries { get; init; }

    protected override string Path => "/analytics/complaints";

    protected override string ApiPath => "/api/analytics/complaints";

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _selected = null;
        _rates = await ComplaintQueries.GetRatesAsync(request.Filter);
        _chart = ComplaintChart.Build(_rates);
    }

    /// <summary>A row is a value of a dimension: both go into the URL, as a history entry.</summary>
    private void SelectRow(ComplaintRate rate) => Navigate(Query with { Dimension = CompareDimensions.Name(rate.Dimension), Selected = rate.Value });

    protected override Task ShowSelectionAsync()
    {
        _selected = _rates.FirstOrDefault(r => CompareDimensions.Name(r.Dimension) == Query.Dimension && r.Value == Query.Selected);
        return Task.CompletedTask;
    }

    private RunListQuery FiltersOf(ComplaintRate rate) => Query.Filters.With(rate.Dimension, rate.Value);

    private string RunsOf(ComplaintRate rate) => "/runs?" + FiltersOf(rate).ToQueryString();

    private string ExplainOf(ComplaintRate rate) => ExplainLinks.Explain(Query.WithFilters(FiltersOf(rate)), q => q with { Filters = q.Filters with { Complaints = "true" } });
}
