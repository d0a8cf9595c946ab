using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using MudBlazor;
using TraceExplorer.Core.Compare;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Web.Configuration;
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
    private IReadOnlyList<string> _agents = [];
    private Dictionary<string, string[]> _errors = [];
    private string? _loadError;
    private string? _atText;
    private bool _loading = true;
    private string? _shownUri;
    private StepGroupComparison? _selectedGroup;
    private RunPair? _selectedPair;

    [Inject] public required CohortComparisonQueries Comparisons { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required IOptions<ReportSettings> Settings { get; init; }

    private const string RunEstimateText = "Latency percentiles and the histogram are estimated to within 1 %, and latency and tokens are tested on values binned 2 % wide; "
        + "counts, rates and means are exact.";

    private const string StepEstimateText = "Step percentiles are estimated to within 1 %, and step latency is tested on durations binned 2 % wide, "
        + "from hourly duration histograms; counts, failure rates and calls per run are exact.";

    private string DimensionName => CompareDimensions.Name(_request?.Dimension ?? CompareDimension.PolicyVersion);

    private CompareVerdict? Verdict => _comparison is null ? null : CompareVerdict.Of(_comparison);

    private static string AgentList(IReadOnlyList<string> agents) => agents.Count == 0 ? "none named" : string.Join(", ", agents);

    private static Severity SeverityOf(VerdictTone tone) => tone switch
    {
        VerdictTone.Worse => Severity.Error,
        VerdictTone.NoneWorse => Severity.Success,
        _ => Severity.Info,
    };

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
        // Opening another step group of the same comparison shows it without comparing again.
        var next = CompareQuery.FromUri(Navigation.Uri);
        if (_comparison is not null && _loadError is null && !_loading && next.Unselected == _query.Unselected)
        {
            _query = next;
            await ShowSelectionAsync();
            StateHasChanged();
            return;
        }

        _loading = true;
        _loadError = null;
        StateHasChanged();
        try
        {
            _query = CompareQuery.FromUri(Navigation.Uri);
            _request = _query.ToRequest(Settings.Value.CompareMinRuns, out _errors);
            if (_request is null)
            {
                return;
            }

            _atText = _query.At;
            _resolved = await Comparisons.WithDefaultsAsync(_request);

            // The choices: every agent with values, and the values of the agent compared (all agents' when it spans them).
            var byAgent = await Comparisons.GetValuesByAgentAsync(_request.Dimension, _request.Filter with { From = null, To = null, Agent = null });
            _agents = byAgent.Select(v => v.Agent).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var agent = _resolved?.Filter.Agent ?? _request.Filter.Agent;
            _values = CohortDefaults.Merge(agent is null ? byAgent : byAgent.Where(v => v.Agent == agent));
            _comparison = _resolved is null ? null : await Comparisons.CompareAsync(_resolved);
            _distribution = _comparison is null ? null : DistributionChart.Build(_comparison);
            if (_comparison is not null)
            {
                ShowExactLink(CompareQuery.For(_comparison, _resolved!) with { Group = _query.Group });
                await ShowSelectionAsync();
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

    /// <summary>Another comparison: the step group open in this one is closed.</summary>
    private void Navigate(CompareQuery query) => Navigation.NavigateTo("/compare?" + query.Unselected.ToQueryString());

    /// <summary>Opens a step group through the URL (a history entry), so Back and a shared link bring it back.</summary>
    private void SelectGroup(StepGroupComparison group) => Navigation.NavigateTo("/compare?" + (_query with { Group = CompareQuery.GroupKey(group) }).ToQueryString());

    /// <summary>The open step group and the runs its diff would compare: B's worst run of it and a typical run of A.</summary>
    private async Task ShowSelectionAsync()
    {
        var selected = _comparison?.StepGroups.FirstOrDefault(g => CompareQuery.GroupKey(g) == _query.Group);
        _selectedPair = selected is null || _resolved is null || selected.B.Count == 0 ? null : await Comparisons.WorstRunPairAsync(_resolved, selected.Kind, selected.Name);
        _selectedGroup = selected;
    }

    private void OnDimensionChanged(string dimension) => Navigate(new CompareQuery { Dimension = dimension, Window = _query.Window, Agent = _query.Agent });

    private void OnAgentChanged(string agent) => Navigate(new CompareQuery { Dimension = _query.Dimension, Window = _query.Window, Agent = agent });

    private void OnWindowChanged(string window) => Navigate(_query with { Window = string.IsNullOrEmpty(window) ? null : window, From = null, To = null });

    private void Swap() => Navigate(_query with { A = _query.B, B = _query.A, From = null, To = null });

    private void ApplyAt() => Navigate(_query with { At = _atText, From = null, To = null });

    /// <summary>The diff opens from the step group's own URL, so Back from it returns to the group.</summary>
    private async Task DiffWorstRunAsync(StepGroupComparison group)
    {
        var pair = _resolved is null ? null : await Comparisons.WorstRunPairAsync(_resolved, group.Kind, group.Name);
        if (CompareQuery.GroupKey(group) != _query.Group)
        {
            SelectGroup(group);
        }

        // Without a pair the open group says why.
        if (pair is not null)
        {
            Navigation.NavigateTo(CohortLinks.Diff(pair.A, pair.B));
        }
    }
}
