using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;
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
    private string? _sloError;
    private string _periodText = "";
    private string _filtersText = "";
    private LatencyPoint? _selected;
    private IReadOnlyList<RunListItem> _slowest = [];

    /// <summary>The slowest runs a selected hour or day lists; the runs list has the rest.</summary>
    public const int DrillDownRuns = 10;

    [Inject] public required LatencyReportQueries Latency { get; init; }

    protected override string Path => "/reports/latency";

    protected override string ApiPath => "/api/reports/latency";

    protected override TimeSpan? DefaultRange => TimeSpan.FromDays(7);

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _selected = null;
        _sloText = DurationInput.Format(request.SloMs);
        _sloError = null;
        var now = DateTime.UtcNow;
        _bucket = request.BucketFor(now);
        _points = await Latency.GetSeriesAsync(request.Filter, request.By, _bucket, request.SloMs);
        var (current, previous) = LatencyPeriods.For(request.Filter, now);
        _periodText = LatencyReportHeading.Period(current);
        _filtersText = LatencyReportHeading.Filters(request, _bucket);
        _summary = await Latency.GetSummaryAsync(current, request.SloMs);
        _previous = previous is null ? null : await Latency.GetSummaryAsync(previous, request.SloMs);
        var previousPoints = previous is null ? [] : await Latency.GetSeriesAsync(previous, request.By, _bucket, request.SloMs);
        _latencyChart = LatencyChart.Percentiles(_points, request.By, request.SloMs, previousPoints, current.From - previous?.From ?? TimeSpan.Zero);
        _errorChart = SeriesChart.Lines(_points.Select(p => new DailyValue(p.Series, p.Bucket, p.ErrorRate)), "errors (%)", scale: 100, height: 240);
    }

    /// <summary>An empty field goes back to the configured SLO; a value that does not parse stays, with the error under it.</summary>
    private Task ApplySlo()
    {
        if (string.IsNullOrWhiteSpace(_sloText))
        {
            _sloError = null;
            if (Query.SloMs is not null)
            {
                Navigate(Query with { SloMs = null });
            }
        }
        else if (!DurationInput.TryParseMs(_sloText, out var ms))
        {
            _sloError = $"'{_sloText.Trim()}' is not a duration; {DurationInput.Hint}.";
        }
        else
        {
            _sloError = null;
            if (ms != Request?.SloMs)
            {
                Navigate(Query with { SloMs = ms.ToString(CultureInfo.InvariantCulture) });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A row is a series' hour or day: its start and its series go into the URL, as a history entry.</summary>
    private void SelectRow(LatencyPoint point) => Navigate(Query with { Selected = TimeRange.Format(point.Bucket), Series = point.Series });

    protected override async Task ShowSelectionAsync()
    {
        _selected = _points.FirstOrDefault(p => TimeRange.Format(p.Bucket) == Query.Selected && p.Series == Query.Series);
        _slowest = _selected is null ? [] : (await Runs.GetRunsAsync(RunsFilterOf(_selected).ToRequest(out _) with
        {
            Sort = RunSortField.DurationMs, Descending = true, PageSize = DrillDownRuns,
        })).Items;
    }

    /// <summary>A grouping's name in the URL as the select shows it: "Prompt version", or "All runs" for none.</summary>
    private static string GroupingLabel(string? name) =>
        Enum.TryParse<LatencyGrouping>(name, out var grouping) && LatencyGroupings.Of(grouping) is { } dimension ? dimension.Label : "All runs";

    /// <summary>The runs behind a row: its series in its hour or day.</summary>
    private string RunsOf(LatencyPoint point) => "/runs?" + RunsFilterOf(point).ToQueryString();

    private RunListQuery RunsFilterOf(LatencyPoint point)
    {
        var end = _bucket == TimeBucket.Hour ? point.Bucket.AddHours(1) : point.Bucket.AddDays(1);
        var filters = Query.Filters with { From = TimeRange.Format(point.Bucket), To = TimeRange.Format(end) };
        return Request is { By: var by } && LatencyGroupings.Of(by) is { } dimension ? filters.With(dimension, point.Series) : filters;
    }

    private Task OnSloKeyDown(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e) => e.Key == "Enter" ? ApplySlo() : Task.CompletedTask;

    private async Task PrintAsync() => await JS.InvokeVoidAsync("traceExplorer.print");
}
