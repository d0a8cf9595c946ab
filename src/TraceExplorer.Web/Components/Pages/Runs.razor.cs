using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Ingest;
using TraceExplorer.Web.Model;

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

    [Inject] public required RunQueries Queries { get; init; }

    [CascadingParameter] public Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthenticationState { get; set; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required RunChangeNotifier Changes { get; init; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _live = new LiveRefresh(() => InvokeAsync(RefreshAsync), LiveInterval);
        Changes.RunsChanged += OnRunsChanged;
        _options = await Queries.GetFilterOptionsAsync();
        await LoadAsync();
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
        _request = _request with { Filter = Security.PayloadAccess.ForUser(_request.Filter, user) };
        _loading = true;
        try
        {
            _result = await Queries.GetRunsAsync(_request);
            _loadError = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _result = null;
            _loadError = "The runs could not be loaded: " + exception.Message;
        }
        finally
        {
            _loading = false;
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
            Navigation.NavigateTo($"/runs/{Uri.EscapeDataString(run.RunId)}");
        }
    }
}
