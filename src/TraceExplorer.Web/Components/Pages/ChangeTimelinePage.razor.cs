using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Timeline;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>
/// Each version dimension over time with one-click before-and-after comparisons of its changes; for one agent when the
/// link names one (versions belong to an agent: another agent's traffic blurs the share and latency of a change).
/// </summary>
public sealed partial class ChangeTimelinePage
{
    private const string CustomRange = "Custom range";
    private ChangeTimeline? _timeline;
    private Dictionary<CompareDimension, ChartFigure> _charts = [];
    private string? _error;
    private string _presetLabel = TimeRangePreset.All[0].Label;
    private DateTime? _from;
    private DateTime? _to;
    private string? _agent;
    private IReadOnlyList<string> _agents = [];

    [Inject] public required ChangeTimelineQueries Timelines { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [Inject] public required RunQueries Runs { get; init; }

    protected override async Task OnInitializedAsync() => _agents = (await Runs.GetFilterOptionsAsync()).Agents;

    protected override async Task OnParametersSetAsync()
    {
        _timeline = null;
        _error = null;
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        var errors = new List<string>();
        (_from, _to) = QueryParsing.ParseTimeRange(
            query.TryGetValue("from", out var from) ? from.ToString() : null, query.TryGetValue("to", out var to) ? to.ToString() : null, (_, message) => errors.Add(message));
        _agent = query.TryGetValue("agent", out var agent) && !string.IsNullOrWhiteSpace(agent) ? agent.ToString() : null;
        _presetLabel = _from is null && _to is null ? TimeRangePreset.All[0].Label : CustomRange;
        if (errors.Count > 0)
        {
            _error = string.Join(" ", errors);
            return;
        }

        try
        {
            _timeline = await Timelines.GetAsync(new RunFilter { From = _from, To = _to, Agent = _agent });
            _charts = _timeline.Dimensions.ToDictionary(d => d.Dimension, d => ChangeTimelineChart.Build(_timeline, d));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _error = "Could not load the timeline: " + exception.Message;
        }
    }

    private void OnPresetChanged(string label)
    {
        var preset = TimeRangePreset.All.FirstOrDefault(p => p.Label == label);
        if (preset is null)
        {
            return;
        }

        var range = preset.ApplyTo(new RunListQuery(), DateTime.UtcNow);
        Navigate(range with { Agent = _agent });
    }

    /// <summary>A new agent keeps the time range.</summary>
    private void OnAgentChanged(string? agent) => Navigate(CurrentRange with { Agent = agent });

    private void Navigate(RunListQuery query) => Navigation.NavigateTo(query.ToQueryString() is { Length: > 0 } text ? "/compare/timeline?" + text : "/compare/timeline");

    private RunListQuery CurrentRange => new()
    {
        From = _from is { } f ? RunListQuery.FormatTime(f) : null, To = _to is { } t ? RunListQuery.FormatTime(t) : null, Agent = _agent,
    };

    private string CompareLink(CompareDimension dimension, VersionChange change) =>
        "/compare?" + new CompareQuery { Dimension = CompareDimensions.Name(dimension), A = change.From, B = change.To, Agent = _agent }.ToQueryString();

    private string RunsLink(CompareDimension dimension, string value) => "/runs?" + CurrentRange.With(dimension, value).ToQueryString();
}
