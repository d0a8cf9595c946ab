using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>
/// What every analytics page shares: the URL is its state (filters and options), a change navigates and navigation
/// reloads; a loading state, a bad value shown under its name, a failure shown instead of a crash.
/// </summary>
public abstract class AnalyticsPageBase : ComponentBase, IDisposable
{
    protected AnalyticsQuery Query { get; private set; } = new();

    protected AnalyticsRequest? Request { get; private set; }

    protected Dictionary<string, string[]> Errors { get; private set; } = [];

    protected bool Loading { get; private set; } = true;

    protected string? LoadError { get; private set; }

    protected RunFilterOptions? FilterOptions { get; private set; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required RunQueries Runs { get; init; }

    [Inject] public required IOptions<ReportSettings> Settings { get; init; }

    /// <summary>The page's path, such as /analytics/slow-steps.</summary>
    protected abstract string Path { get; }

    /// <summary>The API path whose <c>format=csv</c> downloads the page's table.</summary>
    protected abstract string ApiPath { get; }

    /// <summary>
    /// The range a page starts from when its link has none, as Jaeger or Langfuse start from a recent window: the
    /// reports over a whole store are the slow ones. Written into the URL, so the link stays exact.
    /// </summary>
    protected virtual TimeSpan? DefaultRange => null;

    protected string CsvHref => ApiPath + "?" + (Query.Unselected with { Format = "csv" }).ToQueryString();

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        FilterOptions = await Runs.GetFilterOptionsAsync();
        await LoadAsync();
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads the report for <see cref="Request"/>; exceptions become the page's error state.</summary>
    protected abstract Task LoadReportAsync(AnalyticsRequest request);

    /// <summary>
    /// Opens (or, with nulls, closes) a row's drill-down through the URL, so Back and a shared link bring it back;
    /// the page shows it in <see cref="ShowSelectionAsync"/>.
    /// </summary>
    protected void Select(string? selected, string? reason = null, string? loop = null) =>
        Navigate(Query with { Selected = selected, Reason = reason, Loop = loop });

    /// <summary>Shows the drill-down that <see cref="Query"/> selects, after the report is loaded.</summary>
    protected virtual Task ShowSelectionAsync() => Task.CompletedTask;

    protected void Navigate(AnalyticsQuery query) => Navigation.NavigateTo(Path + (query.ToQueryString() is { Length: > 0 } text ? "?" + text : ""));

    /// <summary>"Any time" on a page with a default range is said explicitly, or the default would come back.</summary>
    protected void OnFiltersChanged(RunListQuery filters) =>
        Navigate(Query.WithFilters(filters) with { Range = DefaultRange is not null && filters.From is null && filters.To is null ? AnalyticsQuery.AllTime : null });

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Leaving the page raises the event too, before the page is disposed: only a link to this page reloads it.
        if ("/" + Navigation.ToBaseRelativePath(e.Location).Split('?')[0] == Path)
        {
            _ = InvokeAsync(LoadAsync);
        }
    }

    private async Task LoadAsync()
    {
        // A new selection in the same report opens its drill-down without reading the report again.
        var next = AnalyticsQuery.FromUri(Navigation.Uri);
        if (Request is not null && LoadError is null && !Loading && next.Unselected == Query.Unselected)
        {
            Query = next;
            try
            {
                await ShowSelectionAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LoadError = exception.Message;
            }

            StateHasChanged();
            return;
        }

        Loading = true;
        LoadError = null;
        StateHasChanged();
        try
        {
            Query = AnalyticsQuery.FromUri(Navigation.Uri);
            if (DefaultRange is { } range && Query.From is null && Query.To is null && Query.Range is null)
            {
                var preset = new TimeRangePreset("default", range).ApplyTo(new RunListQuery(), DateTime.UtcNow);
                Query = Query with { From = preset.From };
                Navigation.NavigateTo(Path + "?" + Query.ToQueryString(), replace: true);
                return;
            }

            var request = Query.ToRequest(Settings.Value.LatencySloMs, out var errors);
            Errors = errors;
            Request = errors.Count == 0 ? request : null;
            if (Request is not null)
            {
                await LoadReportAsync(Request);
                await ShowSelectionAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LoadError = exception.Message;
        }
        finally
        {
            Loading = false;
            StateHasChanged();
        }
    }
}
