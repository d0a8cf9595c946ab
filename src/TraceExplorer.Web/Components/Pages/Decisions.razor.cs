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

    private string CsvHref => "/api/decisions?" + (_query.Unselected with { Format = "csv" }).ToQueryString();

    /// <summary>The open decision: one of the page's rows, by the id in the URL.</summary>
    private DecisionRow? Selected => _result?.Items.FirstOrDefault(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == _query.Selected);

    /// <summary>The run id and step cells open the run at the decision's step.</summary>
    private static readonly IReadOnlyDictionary<string, Func<DecisionRow, string?>> CellHrefs = new Dictionary<string, Func<DecisionRow, string?>>
    {
        ["Run"] = d => $"/runs/{Uri.EscapeDataString(d.RunId)}",
        ["Step"] = d => d.StepNumber is null ? null : RunHref(d),
    };

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
        // Opening another decision of the same list shows it without reading the list again.
        var next = DecisionQuery.FromUri(Navigation.Uri);
        if (_result is not null && _loadError is null && !_loading && next.Unselected == _query.Unselected)
        {
            _query = next;
            StateHasChanged();
            return;
        }

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
        Navigate(_query with { Kind = bar.Series, From = Iso(start), To = Iso(end), Page = null, Selected = null });
    }

    /// <summary>Opens a decision through the URL (a history entry), so Back and a shared link bring it back.</summary>
    private void SelectRow(DecisionRow row) => Navigate(_query with { Selected = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

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
        "outcome" => _query with { Outcome = value, Page = null, Selected = null },
        "policyId" => _query with { PolicyId = value, Page = null, Selected = null },
        "actor" => _query with { Actor = value, Page = null, Selected = null },
        _ => _query with { Target = value, Page = null, Selected = null },
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
            Navigate(_query with { From = from, To = to, Page = null, Selected = null });
        }
    }

    /// <summary>The open decision's fields that it has, as the table names them.</summary>
    private static IEnumerable<(string Label, string Value)> DecisionFields(DecisionRow row) =>
        new (string Label, string? Value)[] { ("Outcome", row.Outcome), ("Policy", row.PolicyId), ("Actor", row.Actor), ("Target", row.Target), ("Reason", row.Reason) }
            .Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => (f.Label, f.Value!));

    private static string RunHref(DecisionRow row) =>
        $"/runs/{Uri.EscapeDataString(row.RunId)}" + (row.StepNumber is { } step ? $"?step={step}" : "");
}
