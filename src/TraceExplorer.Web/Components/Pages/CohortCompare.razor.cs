using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>
/// Two cohorts of runs side by side. The URL is the state; the defaults it leaves out (the two latest values, the
/// window around the change) are written back into it, so the address bar is always an exact, shareable link.
/// </summary>
public sealed partial class CohortCompare : IDisposable
{
    private CompareQuery _query = new();
    private CohortRequest? _request;
    private CohortRequest? _resolved;
    private CohortComparison? _comparison;
    private ChartFigure? _distribution;
    private IReadOnlyList<DimensionValue> _values = [];
    private Dictionary<string, string[]> _errors = [];
    private string? _loadError;
    private string? _diffMessage;
    private string? _atText;
    private bool _loading = true;
    private string? _shownUri;

    [Inject] public required CohortComparisonQueries Comparisons { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    private const string StepEstimateText = "Step percentiles are estimated to within 1 %, and step latency is tested on durations binned 2 % wide, "
        + "from hourly duration histograms; counts, failure rates, calls per run and the run figures above are exact.";

    private string DimensionName => CompareDimensions.Name(_request?.Dimension ?? CompareDimension.PolicyVersion);

    private IReadOnlyList<CohortMetric> Regressions => _comparison?.Metrics.Where(m => m.Regressed).ToList() ?? [];

    private string WindowText => _resolved?.Filter is { From: { } from, To: { } to }
        ? $"Runs from {DisplayFormat.Time(from)} to {DisplayFormat.Time(to)}" + (_resolved.Dimension == CompareDimension.Time ? $", split at {DisplayFormat.Time(_resolved.At!.Value)}" : "")
        : "All time";

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        await LoadAsync();
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Leaving the page raises the event too, before the page is disposed: only a new comparison reloads.
        if (e.Location != _shownUri && Navigation.ToBaseRelativePath(e.Location).Split('?')[0] == "compare")
        {
            _ = InvokeAsync(LoadAsync);
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        _diffMessage = null;
        StateHasChanged();
        try
        {
            _query = CompareQuery.FromUri(Navigation.Uri);
            _request = _query.ToRequest(out _errors);
            if (_request is null)
            {
                return;
            }

            _atText = _query.At;
            _values = await Comparisons.GetValuesAsync(_request.Dimension, _request.Filter with { From = null, To = null });
            _resolved = await Comparisons.WithDefaultsAsync(_request);
            _comparison = _resolved is null ? null : await Comparisons.CompareAsync(_resolved);
            _distribution = _comparison is null ? null : DistributionChart.Build(_comparison);
            if (_comparison is not null)
            {
                ShowExactLink(CompareQuery.For(_comparison, _resolved!));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _loadError = exception.Message;
        }
        finally
        {
            _loading = false;
            StateHasChanged();
        }
    }

    /// <summary>Puts the resolved defaults into the address bar without loading the page again.</summary>
    private void ShowExactLink(CompareQuery exact)
    {
        _query = exact;
        _atText = exact.At;
        _shownUri = Navigation.ToAbsoluteUri("/compare?" + exact.ToQueryString()).ToString();
        if (_shownUri != Navigation.Uri)
        {
            Navigation.NavigateTo(_shownUri, replace: true);
        }
    }

    private void Navigate(CompareQuery query) => Navigation.NavigateTo("/compare?" + query.ToQueryString());

    private void OnDimensionChanged(string dimension) => Navigate(new CompareQuery { Dimension = dimension, Window = _query.Window, Agent = _query.Agent });

    private void OnWindowChanged(string window) => Navigate(_query with { Window = string.IsNullOrEmpty(window) ? null : window, From = null, To = null });

    private void Swap() => Navigate(_query with { A = _query.B, B = _query.A, From = null, To = null });

    private void ApplyAt() => Navigate(_query with { At = _atText, From = null, To = null });

    private async Task DiffWorstRunAsync(StepGroupComparison group)
    {
        var worst = _resolved is null ? null : await Comparisons.WorstRunOfBAsync(_resolved, group.Kind, group.Name);
        if (worst is null || _comparison?.TypicalRunA is not { } typical)
        {
            _diffMessage = "No run to diff: cohort A has no typical run, or B never ran this step.";
            return;
        }

        Navigation.NavigateTo(CohortLinks.Diff(typical, worst));
    }
}
