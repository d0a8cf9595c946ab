using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Every decision across runs, filterable and paged, each linked to its run and step. The URL is the state.</summary>
public sealed partial class Decisions : IDisposable
{
    private static readonly IReadOnlyList<string> Kinds = Enum.GetNames<DecisionKind>();
    private static readonly (string Name, string Label)[] TextFilters = [("outcome", "Outcome"), ("policyId", "Policy"), ("actor", "Actor"), ("target", "Target")];

    private DecisionQuery _query = new();
    private Dictionary<string, string[]> _errors = [];
    private PagedResult<DecisionRow>? _result;
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _options = new Dictionary<string, IReadOnlyList<string>>();
    private ChartFigure _counts = new([], new Plotly.Blazor.Layout());
    private TimeBucket _bucket = TimeBucket.Day;
    private string? _loadError;
    private string? _from;
    private string? _to;
    private bool _loading = true;

    [Inject] public required DecisionQueries DecisionQueries { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    private string CsvHref => "/api/decisions?" + (_query with { Format = "csv" }).ToQueryString();

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _options = await DecisionQueries.GetOptionsAsync();
        await LoadAsync();
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        // Leaving the page raises the event too, before the page is disposed: only a link to this page reloads it.
        if (Navigation.ToBaseRelativePath(e.Location).Split('?')[0] == "decisions")
        {
            _ = InvokeAsync(LoadAsync);
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        StateHasChanged();
        try
        {
            _query = DecisionQuery.FromUri(Navigation.Uri);
            (_from, _to) = (_query.From, _query.To);
            var (filter, page, pageSize) = _query.ToRequest(out _errors);
            if (_errors.Count == 0)
            {
                _result = await DecisionQueries.GetAsync(filter, page, pageSize);
                _bucket = filter.From is { } from && (filter.To ?? DateTime.UtcNow) - from <= TimeSpan.FromDays(3) ? TimeBucket.Hour : TimeBucket.Day;
                _counts = SeriesChart.StackedBars(await DecisionQueries.GetCountsAsync(filter, _bucket), "decisions");
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

    /// <summary>A bar of the counts chart opens the decisions behind it: its kind, in its hour or day.</summary>
    private void OpenBar(ChartPoint bar)
    {
        if (!DateTime.TryParse(bar.X, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var start))
        {
            return;
        }

        var end = _bucket == TimeBucket.Hour ? start.AddHours(1) : start.AddDays(1);
        static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Navigate(_query with { Kind = bar.Series, From = Iso(start), To = Iso(end), Page = null });
    }

    private void Navigate(DecisionQuery query) => Navigation.NavigateTo("/decisions" + (query.ToQueryString() is { Length: > 0 } text ? "?" + text : ""));

    private string? Get(string name) => name switch
    {
        "outcome" => _query.Outcome,
        "policyId" => _query.PolicyId,
        "actor" => _query.Actor,
        _ => _query.Target,
    };

    private DecisionQuery Set(string name, string? value) => name switch
    {
        "outcome" => _query with { Outcome = value, Page = null },
        "policyId" => _query with { PolicyId = value, Page = null },
        "actor" => _query with { Actor = value, Page = null },
        _ => _query with { Target = value, Page = null },
    };

    private Task OnTimeKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            ApplyTimes();
        }

        return Task.CompletedTask;
    }

    private void ApplyTimes()
    {
        var (from, to) = (string.IsNullOrWhiteSpace(_from) ? null : _from.Trim(), string.IsNullOrWhiteSpace(_to) ? null : _to.Trim());
        if (from != _query.From || to != _query.To)
        {
            Navigate(_query with { From = from, To = to, Page = null });
        }
    }

    private static string RunHref(DecisionRow row) =>
        $"/runs/{Uri.EscapeDataString(row.RunId)}" + (row.StepNumber is { } step ? $"?step={step}" : "");
}
