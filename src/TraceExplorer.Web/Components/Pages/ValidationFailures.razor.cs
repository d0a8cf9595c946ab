using Microsoft.AspNetCore.Components;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Which validations fail and why, which version introduced the failures, and the trend.</summary>
public sealed partial class ValidationFailures
{
    public const int TrendSchemas = 6;
    public const int DrillDownRuns = 20;

    private IReadOnlyList<ValidationFailureGroup> _failures = [];
    private IReadOnlyList<ValidationByVersion> _byVersion = [];
    private IReadOnlyDictionary<(CompareDimension Dimension, string Schema), string> _introduced = new Dictionary<(CompareDimension, string), string>();
    private HashSet<string> _schemasWithFailures = [];
    private ChartFigure _trend = new([], new Plotly.Blazor.Layout());
    private ValidationFailureGroup? _selected;
    private IReadOnlyList<ValidationFailedRun> _failedRuns = [];

    [Inject] public required ValidationQueries Validation { get; init; }

    [CascadingParameter] public Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthenticationState { get; set; }

    protected override string Path => "/analytics/validation";

    protected override string ApiPath => "/api/analytics/validation-failures";

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _selected = null;
        var user = AuthenticationState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthenticationState).User;
        _failures = Security.PayloadAccess.ForUser(await Validation.GetFailuresAsync(request.Filter), user);
        _byVersion = await Validation.GetByVersionAsync(request.Filter);
        _introduced = ValidationIntroductions.Find(_byVersion);
        _schemasWithFailures = _failures.Select(f => f.Schema).ToHashSet(StringComparer.Ordinal);
        var trendSchemas = _failures.GroupBy(f => f.Schema).OrderByDescending(g => g.Sum(f => f.Failures)).Take(TrendSchemas).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var trend = await Validation.GetTrendAsync(request.Filter, request.BucketFor(DateTime.UtcNow));
        _trend = SeriesChart.Lines(trend.Where(p => trendSchemas.Contains(p.Series)), "failed (%)", scale: 100);
    }

    private void SelectRow(ValidationFailureGroup group) => Select(group.Schema, group.Reason);

    protected override async Task ShowSelectionAsync()
    {
        _selected = _failures.FirstOrDefault(f => f.Schema == Query.Selected && f.Reason == Query.Reason);
        _failedRuns = Request is null || _selected is not { } group ? []
            : await Validation.GetFailedRunsAsync(Request.Filter, group.Schema, group.Reason == Security.PayloadAccess.HiddenReason ? null : group.Reason, DrillDownRuns);
    }

    private bool IsSelected(ValidationFailureGroup group) => group == _selected;

    private string RunsOf(ValidationByVersion row) => "/runs?" + Query.Filters.With(row.Dimension, row.Version).ToQueryString();
}
