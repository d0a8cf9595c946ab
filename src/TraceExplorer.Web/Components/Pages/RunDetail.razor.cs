using Microsoft.AspNetCore.Components;
using MudBlazor;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Ingest;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>A run's header, input and output, steps and decisions.</summary>
public sealed partial class RunDetail : IDisposable
{
    /// <summary>The simple run page lists this many steps; the waterfall explorer pages through the rest.</summary>
    public const int StepsShown = 2000;

    private RunDetails? _run;
    private IReadOnlyList<StepItem> _steps = [];
    private IReadOnlyList<DecisionItem> _decisions = [];
    private string? _loadError;
    private bool _loading = true;

    [Parameter] public required string RunId { get; set; }

    [Inject] public required RunQueries Queries { get; init; }

    [Inject] public required RunChangeNotifier Changes { get; init; }

    private LiveRefresh? _live;

    private List<BreadcrumbItem> Breadcrumbs => [new("Runs", "/runs"), new(RunId, href: null, disabled: true)];

    protected override void OnInitialized()
    {
        _live = new LiveRefresh(() => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Runs.LiveInterval);
        Changes.RunsChanged += OnRunsChanged;
    }

    public void Dispose()
    {
        Changes.RunsChanged -= OnRunsChanged;
        _live?.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        await LoadAsync();
    }

    private void OnRunsChanged(IReadOnlyCollection<string> runIds)
    {
        if (runIds.Contains(RunId))
        {
            _live?.Request();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _run = await Queries.GetRunAsync(RunId);
            if (_run is not null)
            {
                _steps = await Queries.GetStepsAsync(RunId, 0, StepsShown) ?? [];
                _decisions = await Queries.GetDecisionsAsync(RunId) ?? [];
            }

            _loadError = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _loadError = "The run could not be loaded: " + exception.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private static string RunHref(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";
}
