using Microsoft.AspNetCore.Components;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;
using TraceExplorer.Web.Model.Reports;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Where the time goes, per step group; the chart follows the groups with the most total time.</summary>
public sealed partial class SlowSteps
{
    public const int ChartGroups = 5;
    public const int DrillDownRuns = SlowStepQueries.MaxSlowestRuns;

    private IReadOnlyList<SlowStepGroup> _groups = [];
    private IReadOnlyList<ReportColumn<SlowStepGroup>> _columns = ReportColumns.SlowSteps(StepGrouping.Tool);
    private IReadOnlyList<string> _chartGroups = [];
    private ChartFigure _series = new([], new Plotly.Blazor.Layout());
    private string? _selected;
    private IReadOnlyList<SlowStepRun> _slowest = [];

    [Inject] public required SlowStepQueries SlowStepQueries { get; init; }

    protected override string Path => "/analytics/slow-steps";

    protected override TimeSpan? DefaultRange => TimeSpan.FromDays(1);

    protected override string ApiPath => "/api/analytics/slow-steps";

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _selected = null;
        _columns = ReportColumns.SlowSteps(request.Grouping);
        _groups = await SlowStepQueries.GetGroupsAsync(request.Filter, request.Grouping);
        _chartGroups = _groups.Take(ChartGroups).Select(g => g.Group).ToList();
        var points = await SlowStepQueries.GetP95SeriesAsync(request.Filter, request.Grouping, _chartGroups, request.BucketFor(DateTime.UtcNow));
        _series = SeriesChart.Lines(points, "p95 (s)", scale: 0.001);
    }

    /// <summary>The selected group's p95, the threshold its "Explain" link names the slow runs by.</summary>
    private string? SlowThreshold => _groups.FirstOrDefault(g => g.Group == _selected) is { } group && double.IsFinite(group.P95Ms)
        ? Math.Round(group.P95Ms).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private void SelectRow(SlowStepGroup group) => Select(group.Group);

    protected override async Task ShowSelectionAsync()
    {
        _selected = _groups.Any(g => g.Group == Query.Selected) ? Query.Selected : null;
        _slowest = Request is null || _selected is null ? [] : await SlowStepQueries.GetSlowestRunsAsync(Request.Filter, Request.Grouping, _selected, DrillDownRuns);
    }
}
