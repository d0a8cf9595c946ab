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

    /// <summary>Whether the filters on what happened in the runs show as chips; off where the page has fields of its own for them (explain's symptom).</summary>
    [Parameter] public bool InsideRunChipsShown { get; set; } = true;

    private string RangeLabel => (Query.From, Query.To) switch
    {
        (null, null) => "Any time",
        (not null, null) => "Since " + Query.From,
        (null, not null) => "Until " + Query.To,
        _ => "Custom range",
    };

    /// <summary>
    /// The filters on what happened in the runs, set by links (explain's numbers, "runs that failed like this one"),
    /// each as a chip that names it and the query without it.
    /// </summary>
    private IEnumerable<(string Label, RunListQuery Cleared)> InsideRunChips
    {
        get
        {
            if (Query.FailedStep is { } failed)
            {
                yield return ($"Failed step: {failed}", Query with { FailedStep = null });
            }

            if (Query.SlowerThanMs is { } slower)
            {
                yield return ($"{Query.SlowStep ?? "A step"} slower than {slower} ms", Query with { SlowStep = null, SlowerThanMs = null });
            }

            if (Query.RepeatedTool is { } tool)
            {
                yield return ($"Repeated {tool} with the same arguments", Query with { RepeatedTool = null });
            }

            if (Query.Complaints is { } complaints)
            {
                yield return (complaints == "true" ? "With a complaint" : $"Complaints: {complaints}", Query with { Complaints = null });
            }

            if (Query.Decision is { } decision)
            {
                yield return ($"Decision: {decision}", Query with { Decision = null });
            }

            if (Query.Not is { } excluded)
            {
                yield return ($"Leaving out: {Uri.UnescapeDataString(excluded).Replace("&", ", ", StringComparison.Ordinal)}", Query with { Not = null });
            }
        }
    }

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
