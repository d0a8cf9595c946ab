using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>End-to-end latency for product owners: cards against the previous period, percentiles against the SLO, errors.</summary>
public sealed partial class LatencyReport
{
    private IReadOnlyList<LatencyPoint> _points = [];
    private LatencySummary? _summary;
    private LatencySummary? _previous;
    private TimeBucket _bucket;
    private ChartFigure _latencyChart = new([], new Plotly.Blazor.Layout());
    private ChartFigure _errorChart = new([], new Plotly.Blazor.Layout());
    private string? _sloText;

    [Inject] public required LatencyReportQueries Latency { get; init; }

    protected override string Path => "/reports/latency";

    protected override string ApiPath => "/api/reports/latency";

    protected override TimeSpan? DefaultRange => TimeSpan.FromDays(7);

    private string PeriodText => Request?.Filter is { From: { } from } filter
        ? $"{DisplayFormat.Time(from)} to {(filter.To is { } to ? DisplayFormat.Time(to) : "now")}; the change is against the period of the same length before it."
        : "All time.";

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _sloText = request.SloMs.ToString(CultureInfo.InvariantCulture);
        _bucket = request.BucketFor(DateTime.UtcNow);
        _points = await Latency.GetSeriesAsync(request.Filter, request.By, _bucket, request.SloMs);
        var (current, previous) = LatencyPeriods.For(request.Filter, DateTime.UtcNow);
        _summary = await Latency.GetSummaryAsync(current, request.SloMs);
        _previous = previous is null ? null : await Latency.GetSummaryAsync(previous, request.SloMs);
        _latencyChart = LatencyChart.Percentiles(_points, request.By, request.SloMs);
        _errorChart = SeriesChart.Lines(_points.Select(p => new DailyValue(p.Series, p.Bucket, p.ErrorRate)), "errors (%)", scale: 100, height: 240);
    }

    private Task ApplySlo()
    {
        if (_sloText != Query.SloMs && _sloText != Request?.SloMs.ToString(CultureInfo.InvariantCulture))
        {
            Navigate(Query with { SloMs = string.IsNullOrWhiteSpace(_sloText) ? null : _sloText.Trim() });
        }

        return Task.CompletedTask;
    }

    /// <summary>The runs behind a row: its series in its hour or day.</summary>
    private string RunsOf(LatencyPoint point)
    {
        var end = _bucket == TimeBucket.Hour ? point.Bucket.AddHours(1) : point.Bucket.AddDays(1);
        var filters = Query.Filters with { From = RunListQuery.FormatTime(point.Bucket), To = RunListQuery.FormatTime(end) };
        filters = Request?.By switch
        {
            LatencyGrouping.Agent => filters with { Agent = point.Series },
            LatencyGrouping.Route => filters with { Route = point.Series },
            LatencyGrouping.PromptVersion => filters with { PromptVersion = point.Series },
            LatencyGrouping.PolicyVersion => filters with { PolicyVersion = point.Series },
            LatencyGrouping.ToolContractVersion => filters with { ToolContractVersion = point.Series },
            LatencyGrouping.RouteConfigVersion => filters with { RouteConfigVersion = point.Series },
            _ => filters,
        };
        return "/runs?" + filters.ToQueryString();
    }

    private Task OnSloKeyDown(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) => e.Key == "Enter" ? ApplySlo() : Task.CompletedTask;

    private async Task PrintAsync() => await JS.InvokeVoidAsync("traceExplorer.print");
}
