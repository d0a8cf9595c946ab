using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Components.Controls;

/// <summary>The runs list's filters. It edits a copy of <see cref="Query"/> and reports each change; the page owns the URL.</summary>
public sealed partial class RunFilterBar
{
    private static readonly IReadOnlyList<string> Statuses = ["ok", "error"];

    private RunListQuery? _shown;
    private string? _text;
    private string? _from;
    private string? _to;
    private string? _minDuration;

    [Parameter, EditorRequired] public required RunListQuery Query { get; set; }

    [Parameter] public RunFilterOptions? Options { get; set; }

    [Parameter] public EventCallback<RunListQuery> QueryChanged { get; set; }

    /// <summary>For the analytics pages: only the filters that select runs to aggregate (time, agent, route, versions, model).</summary>
    [Parameter] public bool Analytics { get; set; }

    private string RangeLabel => (Query.From, Query.To) switch
    {
        (null, null) => "Any time",
        (not null, null) => "Since " + Query.From,
        (null, not null) => "Until " + Query.To,
        _ => "Custom range",
    };

    protected override void OnParametersSet()
    {
        // Text fields keep what the user is typing until the query itself changes.
        if (_shown != Query)
        {
            _shown = Query;
            _text = Query.Q;
            _from = Query.From;
            _to = Query.To;
            _minDuration = Query.MinDurationMs;
        }
    }

    private Task Change(RunListQuery query) => QueryChanged.InvokeAsync(query with { Page = null });

    private Task OnTextKeyDown(KeyboardEventArgs args) => args.Key == "Enter" ? ApplyText() : Task.CompletedTask;

    private Task ApplyText() => Normalize(_text) == Query.Q ? Task.CompletedTask : Change(Query with { Q = Normalize(_text) });

    private Task ClearText()
    {
        _text = null;
        return Change(Query with { Q = null });
    }

    private Task OnTimeKeyDown(KeyboardEventArgs args) => args.Key == "Enter" ? ApplyTimes() : Task.CompletedTask;

    private Task ApplyTimes()
    {
        var (from, to) = (Normalize(_from), Normalize(_to));
        return from == Query.From && to == Query.To ? Task.CompletedTask : Change(Query with { From = from, To = to });
    }

    private Task OnMinDurationKeyDown(KeyboardEventArgs args) => args.Key == "Enter" ? ApplyMinDuration() : Task.CompletedTask;

    private Task ApplyMinDuration() =>
        Normalize(_minDuration) == Query.MinDurationMs ? Task.CompletedTask : Change(Query with { MinDurationMs = Normalize(_minDuration) });

    private Task ApplyPreset(TimeRangePreset preset) => Change(preset.ApplyTo(Query, DateTime.UtcNow));

    private Task ClearAll() => Change(new RunListQuery { Sort = Query.Sort, Dir = Query.Dir, PageSize = Query.PageSize });

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
