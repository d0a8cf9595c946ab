using Microsoft.AspNetCore.Components;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Tools called again with identical arguments within a run, and loops of steps, each with the runs behind it.</summary>
public sealed partial class RepeatedTools
{
    public const int DrillDownRuns = 50;

    private IReadOnlyList<RepeatedTool> _tools = [];
    private IReadOnlyList<StepLoop> _loops = [];
    private string? _selectedTool;
    private IReadOnlyList<RepeatedCallRun> _toolRuns = [];
    private IReadOnlyDictionary<string, string> _argumentsByRun = new Dictionary<string, string>();
    private string? _selectedLoop;
    private IReadOnlyList<(string RunId, IReadOnlyList<int> Steps)> _loopRuns = [];

    [Inject] public required RepeatedToolQueries Repeats { get; init; }

    [Inject] public required StepQueries Steps { get; init; }

    [CascadingParameter] public Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthenticationState { get; set; }

    protected override string Path => "/analytics/repeated-tools";

    protected override TimeSpan? DefaultRange => TimeSpan.FromDays(1);

    protected override string ApiPath => "/api/analytics/repeated-tools";

    protected override async Task LoadReportAsync(AnalyticsRequest request)
    {
        _selectedTool = null;
        _selectedLoop = null;
        // Two independent reads, each on its own connection: WAL lets them run side by side.
        var tools = Repeats.GetToolsAsync(request.Filter, request.MinCalls);
        var loops = Repeats.GetLoopsAsync(request.Filter);
        await Task.WhenAll(tools, loops);
        (_tools, _loops) = (tools.Result, loops.Result);
    }

    private void SelectTool(RepeatedTool tool) => Select(tool.Tool, loop: Query.Loop);

    /// <summary>The arguments each run repeated, read from its first repeated call; none for a role that may not read arguments.</summary>
    private async Task<IReadOnlyDictionary<string, string>> RepeatedArgumentsAsync(IReadOnlyList<RepeatedCallRun> runs)
    {
        var user = AuthenticationState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthenticationState).User;
        if (!Security.PayloadAccess.CanSeePayloads(user) || runs.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var steps = await Steps.GetStepsAsync(runs.Where(r => r.StepNumbers.Count > 0).Select(r => (r.RunId, r.StepNumbers[0])).ToList());
        return steps.Select(s => (s.Key.RunId, Arguments: StepAttributes.Get(Security.PayloadAccess.ForUser(s.Value, user).Attributes, TraceExplorer.Core.Conventions.AgentAttributes.ToolArguments)))
            .Where(s => s.Arguments is not null)
            .ToDictionary(s => s.RunId, s => s.Arguments!, StringComparer.Ordinal);
    }

    private void SelectLoop(StepLoop loop) => Select(Query.Selected, loop: loop.Pattern);

    protected override async Task ShowSelectionAsync()
    {
        _selectedTool = _tools.Any(t => t.Tool == Query.Selected) ? Query.Selected : null;
        _toolRuns = Request is null || _selectedTool is null ? [] : await Repeats.GetRunsAsync(Request.Filter, _selectedTool, Request.MinCalls, DrillDownRuns);
        _argumentsByRun = await RepeatedArgumentsAsync(_toolRuns);
        _selectedLoop = _loops.Any(l => l.Pattern == Query.Loop) ? Query.Loop : null;
        _loopRuns = Request is null || _selectedLoop is null ? [] : await Repeats.GetLoopRunsAsync(Request.Filter, _selectedLoop, DrillDownRuns);
    }
}
