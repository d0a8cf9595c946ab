using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Timeline;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Components.Controls.Waterfall;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Ingest;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Waterfall;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>
/// The run explorer: header, waterfall, step details and decision log. The selected step and the side tab are in the
/// URL (?step=N&amp;tab=replay) so a link opens the run there and Back returns to the tab before.
/// </summary>
public sealed partial class RunDetail : IDisposable
{
    private RunDetails? _run;
    private WaterfallViewModel? _model;
    private TimeAxis _axis = new(0, 1);
    private IReadOnlyList<DecisionItem> _decisions = [];
    private StepItem? _selectedStep;
    private int? _selectedRow;
    private int? _shownStepParameter;
    private string? _search;
    private string? _searchedText;
    private CancellationTokenSource? _typing;
    private string? _pinNote;
    private List<int>? _matches;
    private HashSet<int> _matchRows = [];
    private int _matchIndex;
    private bool _showCriticalPath;
    private bool _showPlumbing;
    private IReadOnlyList<StepOutline> _outlines = [];
    private FailureCause? _cause;
    private IReadOnlyList<NewVersion> _newVersions = [];
    private string? _causeMessage;
    private int _panel;
    private string? _loadError;
    private bool _loading = true;
    private WaterfallView? _waterfall;
    private ElementReference _title;
    private bool _titleFocused;
    private string? _revealedDecisionsOf;
    private const string DecisionsId = "run-decisions";
    private const string ReplayTab = "replay";
    private LiveRefresh? _live;
    private PersistingComponentStateSubscription _persisting;
    private IReadOnlyList<StepOutline>? _firstRows;

    /// <summary>How many rows the page paints from the start of the outline, before the whole of it is read: a screen and more.</summary>
    private const int FirstScreenRows = 40;
    private const string PrerenderedKey = "run-first-screen";

    [Parameter] public required string RunId { get; set; }

    /// <summary>The step number to select, from the URL.</summary>
    [SupplyParameterFromQuery(Name = "step")] public int? Step { get; set; }

    /// <summary>The side panel's tab, from the URL: "replay", or the step's details when absent.</summary>
    [SupplyParameterFromQuery(Name = "tab")] public string? Tab { get; set; }

    [CascadingParameter] public Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthenticationState { get; set; }

    [Inject] public required RunQueries Queries { get; init; }

    [Inject] public required StepQueries Steps { get; init; }

    [Inject] public required RunChangeNotifier Changes { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required ChangeTimelineQueries Timeline { get; init; }

    [Inject] public required IOptions<ReportSettings> Settings { get; init; }

    [Inject] public required IJSRuntime JS { get; init; }

    [Inject] public required PersistentComponentState PageState { get; init; }

    /// <summary>Viewers see the run's structure; inputs, outputs and step payloads never reach their circuit.</summary>
    private bool _canSeePayloads;

    private TimeAxis FullAxis => new(0, _model?.RunDurationMs ?? 1);

    private int? CurrentMatch => _matches is { Count: > 0 } matches ? matches[_matchIndex] : null;

    /// <summary>The decisions taken at the selected step, listed in its details and the replay.</summary>
    private IReadOnlyList<DecisionItem> SelectedDecisions =>
        _selectedStep is { } step ? _decisions.Where(d => d.SpanId == step.SpanId).ToList() : [];

    private const string StepsHref = "#waterfall";

    protected override void OnInitialized()
    {
        _live = new LiveRefresh(() => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }), Runs.LiveInterval);
        Changes.RunsChanged += OnRunsChanged;
        _persisting = PageState.RegisterOnPersisting(PersistFirstScreen, RenderMode.InteractiveServer);
    }

    public void Dispose()
    {
        Changes.RunsChanged -= OnRunsChanged;
        _persisting.Dispose();
        _live?.Dispose();
        _typing?.Cancel();
        _typing?.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_run?.RunId != RunId)
        {
            _loading = true;
            _selectedRow = null;
            _selectedStep = null;
            _matches = null;
            _matchRows = [];
            _model = null;
            _firstRows = null;
            if (!RendererInfo.IsInteractive)
            {
                await PrerenderAsync();
                _panel = string.Equals(Tab, ReplayTab, StringComparison.OrdinalIgnoreCase) && _canSeePayloads ? 1 : 0;
                return;
            }

            if (PageState.TryTakeFromJson<PrerenderedRun>(PrerenderedKey, out var prerendered) && prerendered?.Run.RunId == RunId)
            {
                _run = prerendered.Run;
                _canSeePayloads = prerendered.CanSeePayloads;
                ShowFirstScreen(prerendered.FirstRows);
                _loading = false;
            }

            await LoadAsync();
            _axis = FullAxis;

            // A failed run opens at the step its failure starts at, unless the link names a step.
            if (Step is null && _cause is { } cause && _model?.RowBySpan.TryGetValue(cause.Step.SpanId, out var causeRow) == true)
            {
                await ShowStepAsync(causeRow);
                _waterfall?.Reveal(causeRow);
            }
        }

        _panel = string.Equals(Tab, ReplayTab, StringComparison.OrdinalIgnoreCase) && _canSeePayloads ? 1 : 0;

        if (Step != _shownStepParameter)
        {
            _shownStepParameter = Step;
            if (Step is { } number && _model?.Tree.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.StepNumber == number) is { r: not null } found)
            {
                await ShowStepAsync(found.i);
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Focus starts at the run's title, as after any navigation, so the skip link is the next Tab away.
        if (!_titleFocused && _run is not null && _title.Context is not null)
        {
            _titleFocused = true;
            await _title.FocusAsync(preventScroll: true);
        }

        // The selected step's decisions are brought into view in the log beside it, once per selection.
        if (_selectedStep?.SpanId != _revealedDecisionsOf)
        {
            _revealedDecisionsOf = _selectedStep?.SpanId;
            if (_revealedDecisionsOf is not null)
            {
                await JS.InvokeVoidAsync("traceExplorer.scrollChildIntoView", DecisionsId, ".ds-item.of-selected");
            }
        }
    }

    /// <summary>The skip link: straight to the waterfall, whose arrow keys walk the steps.</summary>
    private async Task SkipToStepsAsync()
    {
        if (_waterfall is not null)
        {
            await _waterfall.FocusAsync();
        }
    }

    /// <summary>A tab change is a new history entry: Back returns to the tab before.</summary>
    private void ChoosePanel(int panel)
    {
        _panel = panel;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tab", panel == 1 ? ReplayTab : null));
    }

    /// <summary>How the run's input begins, for the folded input and output.</summary>
    private static string Preview(string? input) =>
        input is null ? "" : input.Length <= 90 ? input.ReplaceLineEndings(" ") : input[..90].ReplaceLineEndings(" ") + "…";

    /// <summary>How long typing pauses before the search runs.</summary>
    private static readonly TimeSpan SearchDebounce = TimeSpan.FromMilliseconds(300);

    /// <summary>The search runs as the user types, once typing pauses; Enter runs it at once.</summary>
    private void OnSearchTyped(string text)
    {
        _search = text;
        _typing?.Cancel();
        _typing?.Dispose();
        _typing = new CancellationTokenSource();
        _ = SearchWhenTypingPausesAsync(_typing.Token);
    }

    private async Task SearchWhenTypingPausesAsync(CancellationToken typing)
    {
        try
        {
            await Task.Delay(SearchDebounce, typing);
        }
        catch (OperationCanceledException)
        {
            return; // typed again
        }

        await InvokeAsync(async () =>
        {
            if (!typing.IsCancellationRequested && _search != _searchedText)
            {
                await SearchAsync();
                StateHasChanged();
            }
        });
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
            _run = await LoadRunAsync();
            if (_run is not null)
            {
                if (_model is null)
                {
                    // Show the header, then the first screen of rows, while the steps load: a run can have 100,000 of them.
                    _loading = false;
                    StateHasChanged();
                    await ShowFirstScreenAsync();
                    StateHasChanged();
                }

                _newVersions = await Timeline.NewVersionsAsync(_run, Settings.Value.NewVersionWindow);
                _decisions = await Queries.GetDecisionsAsync(RunId) ?? [];
                var wasFull = _model is null || _axis == FullAxis;
                _outlines = await Steps.GetOutlineAsync(RunId);
                _model = WaterfallViewModel.Create(_run.StartTime, _outlines, _decisions, _showPlumbing);
                _firstRows = null;
                await FindCauseAsync();
                if (wasFull)
                {
                    _axis = FullAxis;
                }

                if (_selectedStep is { } selected && _model.RowBySpan.TryGetValue(selected.SpanId, out var row))
                {
                    _selectedRow = row;
                }
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

    /// <summary>
    /// Prerendering: the header and the first screen of rows go out in the page itself, the rest loads in the circuit.
    /// A failure here leaves the page loading; the circuit reads again and reports it.
    /// </summary>
    private async Task PrerenderAsync()
    {
        try
        {
            _run = await LoadRunAsync();
            await ShowFirstScreenAsync();
            _loading = false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _run = null;
            _model = null;
            _firstRows = null;
        }
    }

    /// <summary>Reads the start of the outline and shows the rows of it that are certain (see FirstScreen).</summary>
    private async Task ShowFirstScreenAsync()
    {
        if (_run is not null)
        {
            ShowFirstScreen(FirstScreen.Rows(await Steps.GetOutlineStartAsync(RunId, FirstScreenRows), _run.StartTime, FirstScreenRows));
        }
    }

    private void ShowFirstScreen(IReadOnlyList<StepOutline> rows)
    {
        if (_run is not null && rows.Count > 0 && _model is null)
        {
            _firstRows = rows;
            _model = WaterfallViewModel.Create(_run.StartTime, rows, [], _showPlumbing);
            _axis = FullAxis;
        }
    }

    private Task PersistFirstScreen()
    {
        if (_run is not null && _firstRows is not null)
        {
            PageState.PersistAsJson(PrerenderedKey, new PrerenderedRun(_run, _firstRows, _canSeePayloads));
        }

        return Task.CompletedTask;
    }

    /// <summary>Shows plumbing steps in the tree or folds them into their parents again; the selected step stays selected.</summary>
    private void ShowPlumbing(bool show)
    {
        _showPlumbing = show;
        if (_run is null || _model is null)
        {
            return;
        }

        var wasFull = _axis == FullAxis;
        _model = WaterfallViewModel.Create(_run.StartTime, _outlines, _decisions, _showPlumbing);
        _axis = wasFull ? FullAxis : _axis;
        _selectedRow = _selectedStep is { } selected && _model.RowBySpan.TryGetValue(selected.SpanId, out var row) ? row : null;
    }

    /// <summary>The step the failure starts at, and its error text where the role may read it (viewers see its type only).</summary>
    private async Task FindCauseAsync()
    {
        var cause = FailureCause.Find(_outlines);
        if (cause?.Step.SpanId != _cause?.Step.SpanId)
        {
            _causeMessage = null;
            if (cause is not null && await Steps.GetStepAsync(RunId, cause.Step.SpanId) is { } step)
            {
                _causeMessage = PayloadAccess.ForUser(step, await UserAsync()).ErrorMessage is { } message
                    ? message.Length > 200 ? message[..200] + "…" : message
                    : null;
            }
        }

        _cause = cause;
    }

    private async Task GoToCauseAsync()
    {
        if (_cause is { } cause && _model?.RowBySpan.TryGetValue(cause.Step.SpanId, out var row) == true)
        {
            await SelectRowAsync(row);
            _waterfall?.Reveal(row);
        }
    }

    /// <summary>"12 steps · 3 tool calls · 1 failed step (2 parents failed with it)".</summary>
    private string StepCounts
    {
        get
        {
            var parts = new List<string> { DisplayFormat.Count(_run!.StepCount, "step"), DisplayFormat.Count(_run.ToolCallCount, "tool call") };
            if (_cause is { } cause)
            {
                var parents = cause.FailedAncestors == 0 ? "" : $" ({DisplayFormat.Count(cause.FailedAncestors, "parent")} failed with it)";
                parts.Add(DisplayFormat.Count(cause.FailedSteps, "failed step") + parents);
            }

            if (_model?.PlumbingCount > 0)
            {
                parts.Add(DisplayFormat.Count(_model.PlumbingCount, "plumbing span") + " not counted");
            }

            return string.Join(" · ", parts);
        }
    }

    /// <summary>Compare versions with the value the new one followed as A and the new one as B, within the run's agent.</summary>
    private string CompareHref(NewVersion version) => "/compare?" + new CompareQuery
    {
        Dimension = CompareDimensions.Name(version.Dimension),
        A = version.Previous,
        B = version.Value,
        Agent = _run?.AgentName,
    }.ToQueryString();

    private string StepHref(int number) => $"/runs/{Uri.EscapeDataString(RunId)}?step={number}";

    private async Task SelectRowAsync(int row)
    {
        await ShowStepAsync(row);
        var number = _model!.Tree.Rows[row].StepNumber;
        _shownStepParameter = number;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("step", number), replace: true);
    }

    private async Task ShowStepAsync(int row)
    {
        _selectedRow = row;
        var step = await Steps.GetStepAsync(RunId, _model!.Tree.Rows[row].SpanId);
        _selectedStep = step is null ? null : PayloadAccess.ForUser(step, await UserAsync());
    }

    /// <summary>The circuit has done opening the run (or found it missing, or failed to read it): nothing on the page moves by itself after this.</summary>
    private bool Opened => RendererInfo.IsInteractive && !_loading && (_run is null || _loadError is not null || _model is not null);

    /// <summary>The selected step's place in execution order (step numbers ascending), from 1.</summary>
    private int StepPosition => _model is not null && _selectedRow is { } row ? _model.RowsInStepOrder.IndexOf(row) + 1 : 0;

    /// <summary>Moves the selection through the steps in the order they ran; 0 from nothing selected starts at the first.</summary>
    private async Task StepByAsync(int delta)
    {
        if (_model is null || _model.Tree.Count == 0)
        {
            return;
        }

        var position = Math.Clamp((StepPosition == 0 ? 1 : StepPosition + delta) - 1, 0, _model.RowsInStepOrder.Count - 1);
        var row = _model.RowsInStepOrder[position];
        await SelectRowAsync(row);
        _waterfall?.Reveal(row);
    }

    private async Task ReplayFromStartAsync()
    {
        if (_model is { Tree.Count: > 0 })
        {
            var first = _model.RowsInStepOrder[0];
            await SelectRowAsync(first);
            _waterfall?.Reveal(first);
        }
    }

    private async Task SelectDecisionAsync(DecisionItem decision)
    {
        if (decision.SpanId is not null && _model is not null && _model.RowBySpan.TryGetValue(decision.SpanId, out var row))
        {
            await SelectRowAsync(row);
        }
    }

    private async Task OnSearchKeyDownAsync(KeyboardEventArgs args)
    {
        if (args.Key != "Enter")
        {
            return;
        }

        if (_matches is not null && _matches.Count > 0 && args.ShiftKey)
        {
            MoveMatch(-1);
            return;
        }

        await SearchAsync();
    }

    private async Task SearchAsync()
    {
        if (_model is null || string.IsNullOrWhiteSpace(_search))
        {
            ClearSearch();
            return;
        }

        _searchedText = _search;
        var spans = await Steps.SearchAsync(RunId, _search, PayloadAccess.CanSeePayloads(await UserAsync()));
        _matches = spans.Where(_model.RowBySpan.ContainsKey).Select(s => _model.RowBySpan[s]).Distinct().Order().ToList();
        _matchRows = _matches.ToHashSet();
        _matchIndex = 0;
        RevealMatch();
    }

    private void MoveMatch(int delta)
    {
        if (_matches is { Count: > 0 } matches)
        {
            _matchIndex = (_matchIndex + delta + matches.Count) % matches.Count;
            RevealMatch();
        }
    }

    private void RevealMatch()
    {
        if (CurrentMatch is { } row)
        {
            _waterfall?.Reveal(row);
        }
    }

    private void ClearSearch()
    {
        _search = null;
        _searchedText = null;
        _matches = null;
        _matchRows = [];
    }

    private async Task SetPinAsync(bool pinned)
    {
        // The button is an engineer's; the check is repeated here because a circuit can call any handler.
        if (!PayloadAccess.CanSeePayloads(await UserAsync()))
        {
            return;
        }

        await Queries.SetPinAsync(RunId, pinned, string.IsNullOrWhiteSpace(_pinNote) ? null : _pinNote.Trim());
        _pinNote = null;
        _run = await LoadRunAsync();
    }

    private async Task<RunDetails?> LoadRunAsync()
    {
        var run = await Queries.GetRunAsync(RunId);
        var user = await UserAsync();
        _canSeePayloads = PayloadAccess.CanSeePayloads(user);
        return run is null ? null : PayloadAccess.ForUser(run, user);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new() : (await AuthenticationState).User;

    private static string RunHref(string runId) => $"/runs/{Uri.EscapeDataString(runId)}";

    private static string DiffHref(string a, string b) => $"/compare/runs?a={Uri.EscapeDataString(a)}&b={Uri.EscapeDataString(b)}";
}
