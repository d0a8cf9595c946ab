using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Web.Components.Controls.Waterfall;

/// <summary>
/// The run's steps as a virtualized tree of bars on a shared time axis. Only the rows in view are rendered, so a run
/// of any size draws in the same time; collapsing recomputes the visible rows in one pass.
/// </summary>
public sealed partial class WaterfallView
{
    public const int RowHeight = 24;

    private readonly string _bodyId = "wf-body-" + Guid.NewGuid().ToString("N");
    private readonly string _axisId = "wf-axis-" + Guid.NewGuid().ToString("N");
    private HashSet<int> _collapsed = [];
    private List<int> _visible = [];
    private WaterfallViewModel? _shownModel;
    private IReadOnlySet<int>? _shownOnly;
    private int? _shownSelection;
    private int? _shownMatch;
    private IReadOnlyList<int>? _highlightedRepeats;
    private int? _scrollTo;
    private double? _dragFrom;
    private double? _dragTo;
    private double _axisWidth;
    private ElementReference _root;

    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter, EditorRequired] public required WaterfallViewModel Model { get; set; }

    [Parameter, EditorRequired] public required TimeAxis Axis { get; set; }

    [Parameter] public EventCallback<TimeAxis> AxisChanged { get; set; }

    [Parameter] public int? SelectedRow { get; set; }

    [Parameter] public EventCallback<int> SelectedRowChanged { get; set; }

    /// <summary>Rows that match the search within the run.</summary>
    [Parameter] public IReadOnlySet<int> MatchRows { get; set; } = new HashSet<int>();

    [Parameter] public int? CurrentMatchRow { get; set; }

    /// <summary>While a search is on, only these rows and the rows above them are shown; null shows every row.</summary>
    [Parameter] public IReadOnlySet<int>? OnlyRows { get; set; }

    [Parameter] public bool ShowCriticalPath { get; set; }

    /// <summary>
    /// While only the first screen of rows is shown, the run's step count; null once the whole tree is in. Meanwhile the
    /// rows take no input and the count says "loading", not "shown".
    /// </summary>
    [Parameter] public int? StepsToCome { get; set; }

    /// <summary>Collapses or expands every row that has children.</summary>
    public void SetAllCollapsed(bool collapsed)
    {
        _collapsed = collapsed ? Enumerable.Range(0, Model.Tree.Count).Where(Model.Tree.HasChildren).ToHashSet() : [];
        _visible = Visible();
        StateHasChanged();
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shownModel, Model))
        {
            _shownModel = Model;
            _highlightedRepeats = null;
            _collapsed = [];
            _visible = Visible();
        }

        if (!ReferenceEquals(_shownOnly, OnlyRows))
        {
            _shownOnly = OnlyRows;
            _visible = Visible();
        }

        // A newly selected step or search match is revealed once; after that, collapsing its parents is the user's call.
        var newTargets = new[] { SelectedRow != _shownSelection ? SelectedRow : null, CurrentMatchRow != _shownMatch ? CurrentMatchRow : null };
        foreach (var target in newTargets)
        {
            if (target is { } row && row < Model.Tree.Count && Model.Tree.Ancestors(row).Any(_collapsed.Contains))
            {
                _collapsed.ExceptWith(Model.Tree.Ancestors(row));
                _visible = Visible();
            }
        }

        _shownMatch = CurrentMatchRow;
        if (SelectedRow != _shownSelection)
        {
            _shownSelection = SelectedRow;
            _scrollTo = SelectedRow;
        }
    }

    /// <summary>Moves the keyboard into the tree, where the arrow keys walk the steps (the skip link's target).</summary>
    public ValueTask FocusAsync() => _root.FocusAsync();

    /// <summary>Brings a row into view, e.g. the current search match.</summary>
    public void Reveal(int row)
    {
        _scrollTo = row;
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_scrollTo is { } row)
        {
            _scrollTo = null;
            var index = _visible.BinarySearch(row);
            if (index >= 0)
            {
                await JS.InvokeVoidAsync("traceExplorer.scrollRowIntoView", _bodyId, index, RowHeight);
            }
        }
    }

    private string RowClass(int row)
    {
        var step = Model.Tree.Rows[row];
        var classes = "wf-row";
        if (row == SelectedRow)
        {
            classes += " selected";
        }

        if (step.Failed)
        {
            classes += " failed";
        }

        if (_highlightedRepeats?.Contains(row) == true)
        {
            classes += " repeat";
        }

        if (MatchRows.Contains(row))
        {
            classes += row == CurrentMatchRow ? " match current" : " match";
        }

        if (ShowCriticalPath)
        {
            classes += Model.CriticalPathRows.Contains(row) ? " critical" : " off-path";
        }

        return classes;
    }

    private List<int> Visible()
    {
        var rows = Model.Tree.VisibleRows(_collapsed);
        if (OnlyRows is null)
        {
            return rows;
        }

        var kept = Model.Tree.WithAncestors(OnlyRows.Where(r => r < Model.Tree.Count));
        return rows.Where(kept.Contains).ToList();
    }

    private Task SelectAsync(int row) => SelectedRowChanged.InvokeAsync(row);

    /// <summary>Highlights a group of identical calls, or clears it when chosen again.</summary>
    private void ToggleRepeats(IReadOnlyList<int> rows) => _highlightedRepeats = _highlightedRepeats == rows ? null : rows;

    private Task ToggleAsync(int row)
    {
        if (!_collapsed.Remove(row))
        {
            _collapsed.Add(row);
        }

        _visible = Visible();
        return Task.CompletedTask;
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs args)
    {
        var current = SelectedRow is { } selected ? _visible.BinarySearch(selected) : -1;
        switch (args.Key)
        {
            case "ArrowDown" when current < _visible.Count - 1:
                await SelectAsync(_visible[current + 1]);
                break;
            case "ArrowUp" when current > 0:
                await SelectAsync(_visible[current - 1]);
                break;
            case "ArrowRight" when SelectedRow is { } row && _collapsed.Contains(row):
            case "ArrowLeft" when SelectedRow is { } open && Model.Tree.HasChildren(open) && !_collapsed.Contains(open):
                await ToggleAsync(SelectedRow!.Value);
                break;
            case "ArrowLeft" when SelectedRow is { } child && Model.Tree.Parents[child] >= 0:
                await SelectAsync(Model.Tree.Parents[child]);
                break;
            case "Home" when _visible.Count > 0:
                await SelectAsync(_visible[0]);
                break;
            case "End" when _visible.Count > 0:
                await SelectAsync(_visible[^1]);
                break;
        }
    }

    private async Task StartDragAsync(MouseEventArgs args)
    {
        _axisWidth = await JS.InvokeAsync<double>("traceExplorer.elementWidth", _axisId);
        _dragFrom = _dragTo = _axisWidth > 0 ? args.OffsetX / _axisWidth : null;
    }

    private void Drag(MouseEventArgs args)
    {
        if (_dragFrom is not null && _axisWidth > 0)
        {
            _dragTo = args.OffsetX / _axisWidth;
        }
    }

    private async Task EndDragAsync(MouseEventArgs args)
    {
        if (_dragFrom is { } from && _axisWidth > 0)
        {
            var to = args.OffsetX / _axisWidth;
            _dragFrom = _dragTo = null;
            if (Math.Abs(to - from) > 0.01)
            {
                await AxisChanged.InvokeAsync(Axis.Zoom(from, to));
            }
        }
    }

    private void CancelDrag() => _dragFrom = _dragTo = null;

    private static string Css(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
