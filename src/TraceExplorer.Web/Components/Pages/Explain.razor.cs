using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>
/// The explain page: the symptom and baseline are the URL (shareable), a change navigates and navigation reloads;
/// the sentence on top, the ranked run dimensions, pairs, and the step-level properties below.
/// </summary>
public sealed partial class Explain : IDisposable
{
    private static readonly IReadOnlyList<string> DecisionKinds = [.. Enum.GetNames<DecisionKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])];
    private static readonly IReadOnlyList<string> Complaints = ["true"];
    private static readonly IReadOnlyList<string> Baselines = ["others", "before", "filter"];

    private ExplainQuery _query = new();
    private ExplainRequest? _request;
    private ExplainResult? _result;
    private IReadOnlyList<ExplainSentencePart> _sentence = [];
    private Dictionary<string, string[]> _errors = [];
    private bool _loading = true;
    private string? _loadError;
    private RunFilterOptions? _options;

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required ExplainQueries ExplainQueries { get; init; }

    [Inject] public required RunQueries Runs { get; init; }

    [Inject] public required TimeProvider Time { get; init; }

    private string CsvHref => "/api/explain?" + (_query with { Format = "csv" }).ToQueryString();

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _options = await Runs.GetFilterOptionsAsync();
        await LoadAsync();
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }

    /// <summary>A symptom of nothing but its window: every run, which nothing sets apart.</summary>
    private static bool IsEmptySymptom(ExplainRequest request) => request.Symptom == new ExplainSymptom { Filter = request.Symptom.Scope };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string? RunsHref(ExplainValue value) =>
        _request is null ? null : ExplainLinks.Runs(_request.Symptom.Filter, value.Key);

    private void Navigate(ExplainQuery query) => Navigation.NavigateTo("/explain" + (query.ToQueryString() is { Length: > 0 } text ? "?" + text : ""));

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (Navigation.ToBaseRelativePath(e.Location).Split('?')[0] == "explain")
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
            _query = ExplainQuery.FromUri(Navigation.Uri);
            var request = _query.ToRequest(Time.GetUtcNow().UtcDateTime, out var errors);
            _errors = errors;
            _request = errors.Count == 0 ? request : null;
            _result = null;
            if (_request is not null && !IsEmptySymptom(_request))
            {
                _result = await ExplainQueries.ExplainAsync(_request);
                _sentence = ExplainSentence.For(_result, _request);
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
}
