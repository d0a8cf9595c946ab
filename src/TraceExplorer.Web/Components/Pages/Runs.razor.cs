using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Ingest;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>The runs list. The URL is the only state: every filter, sort and page change navigates, and navigation reloads.</summary>
public sealed partial class Runs : IDisposable
{
    private RunListQuery _query = new();
    private RunListRequest _request = new();
    private Dictionary<string, string[]> _errors = [];
    private PagedResult<RunListItem>? _result;
    private RunFilterOptions? _options;
    private string? _loadError;
    private bool _loading = true;
    private LiveRefresh? _live;
    private IReadOnlySet<RunColumn> _columns = RunColumns.Defaults;
    private UsualVersions _usual = UsualVersions.None;
    private IReadOnlyList<RunDurationPoint> _points = [];
    private RunDurationFigure? _chart;

    [Inject] public required RunQueries Queries { get; init; }

    [CascadingParameter] public Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthenticationState { get; set; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required RunChangeNotifier Changes { get; init; }

    [Inject] public required IJSRuntime JS { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _live = new LiveRefresh(() => InvokeAsync(RefreshAsync), LiveInterval);
        Changes.RunsChanged += OnRunsChanged;
        _options = await Queries.GetFilterOptionsAsync();
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // The browser remembers the columns; only an interactive render can ask it.
            var stored = await JS.InvokeAsync<string?>("traceExplorer.getSetting", RunColumns.SettingName);
            var columns = RunColumns.Parse(stored);
            if (!columns.SetEquals(_columns))
            {
                _columns = columns;
                await LoadUsualVersionsAsync();
                StateHasChanged();
            }
        }
    }

    /// <summary>How often at most the list follows new data while agents are sending.</summary>
    public static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1);

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        Changes.RunsChanged -= OnRunsChanged;
        _live?.Dispose();
    }

    private void OnRunsChanged(IReadOnlyCollection<string> runIds) => _live?.Request();

    private async Task RefreshAsync()
    {
        _options = await Queries.GetFilterOptionsAsync();
        await LoadAsync();
        StateHasChanged();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs args)
    {
        var path = new Uri(args.Location).AbsolutePath.TrimEnd('/');
        if (path is "" or "/runs")
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private async Task LoadAsync()
    {
        _query = RunListQuery.FromUri(Navigation.Uri);
        _request = _query.ToRequest(out _errors);
        var user = AuthenticationState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthenticationState).User;
        _request = Security.PayloadAccess.ForUser(_request, user);
        _loading = true;
        try
        {
            _result = await Queries.GetRunsAsync(_request);
            _points = await Queries.GetDurationPointsAsync(_request.Filter, RunDurationChart.MaxPoints);
            _chart = RunDurationChart.Build(_points);
            await LoadUsualVersionsAsync();
            _loadError = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _result = null;
            _points = [];
            _chart = null;
            _loadError = "The runs could not be loaded: " + exception.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>Only the versions column needs each agent's usual versions; the full one shows them all.</summary>
    private async Task LoadUsualVersionsAsync() =>
        _usual = Show(RunColumn.Versions) ? await Queries.GetUsualVersionsAsync(_request.Filter) : UsualVersions.None;

    private bool Show(RunColumn column) => _columns.Contains(column);

    private async Task ChangeColumnsAsync(IReadOnlySet<RunColumn> columns)
    {
        _columns = columns;
        await JS.InvokeVoidAsync("traceExplorer.setSetting", RunColumns.SettingName, RunColumns.Format(columns));
        await LoadUsualVersionsAsync();
    }

    /// <summary>"Newest 1,000 of 3,000 runs" when the chart is capped, else "3,000 runs".</summary>
    private string ChartNote => _result is { } result && result.TotalCount > _points.Count
        ? $"Newest {DisplayFormat.Count(_points.Count)} of {DisplayFormat.Count(result.TotalCount)} runs"
        : DisplayFormat.Count(_points.Count, "run");

    /// <summary>The table keeps its header in view and leaves the chart above it on screen.</summary>
    private string TableHeight => _points.Count > 0 ? "max(320px, calc(100vh - 480px))" : "calc(100vh - 290px)";

    private static string RunHref(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";

    private void OpenPoint(ChartPoint point)
    {
        if (_chart?.RunAt(point.Curve, point.Index) is { } runId)
        {
            Navigation.NavigateTo(RunHref(runId));
        }
    }

    private void FilterToRange(ChartRange range)
    {
        if (RunDurationChart.TimeRange(range.Start, range.End) is var (from, to))
        {
            Navigate(_query with { From = TimeRange.Format(from), To = TimeRange.Format(to), Page = null });
        }
    }

    private void Navigate(RunListQuery query)
    {
        var queryString = query.ToQueryString();
        Navigation.NavigateTo(queryString.Length == 0 ? "/runs" : "/runs?" + queryString);
    }

    private void ChangeSort(RunSortField field)
    {
        // A new column starts descending (biggest, slowest, newest first); the same column flips.
        var descending = field != _request.Sort || !_request.Descending;
        Navigate(_query with { Sort = RunSortNames.NameOf(field), Dir = descending ? "desc" : "asc", Page = null });
    }

    private void GoToPage(int page) => Navigate(_query with { Page = page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private void SetPageSize(int pageSize) =>
        Navigate(_query with { PageSize = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Page = null });

    private void ClearFilters() => Navigate(new RunListQuery { Sort = _query.Sort, Dir = _query.Dir, PageSize = _query.PageSize });

    private void OpenRun(TableRowClickEventArgs<RunListItem> args)
    {
        if (args.Item is { } run)
        {
            Navigation.NavigateTo(RunHref(run.RunId));
        }
    }
}
