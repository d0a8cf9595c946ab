using Microsoft.AspNetCore.Components;
using MudBlazor;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>A run's header, input and output, steps and decisions.</summary>
public sealed partial class RunDetail
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

    private List<BreadcrumbItem> Breadcrumbs => [new("Runs", "/runs"), new(RunId, href: null, disabled: true)];

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
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
