using Microsoft.AspNetCore.Components;
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
    private ChangeTimelineQuery _query = new();
    private RunFilter _filter = new();
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
        _query = ChangeTimelineQuery.FromUri(Navigation.Uri);
        var filter = _filter = _query.ToFilter(out var errors);
        _agent = filter.Agent;
        _presetLabel = filter.From is null && filter.To is null ? TimeRangePreset.All[0].Label : CustomRange;
        if (errors.Count > 0)
        {
            _error = string.Join(" ", errors.Values.SelectMany(messages => messages));
            return;
        }

        try
        {
            _timeline = await Timelines.GetAsync(filter);
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
        Navigate(_query with { From = range.From, To = range.To });
    }

    /// <summary>A new agent keeps the time range.</summary>
    private void OnAgentChanged(string? agent) => Navigate(_query with { Agent = agent });

    private void Navigate(ChangeTimelineQuery query) => Navigation.NavigateTo(query.ToQueryString() is { Length: > 0 } text ? "/compare/timeline?" + text : "/compare/timeline");

    private string CompareLink(CompareDimension dimension, VersionChange change) =>
        "/compare?" + new CompareQuery { Dimension = CompareDimensions.Name(dimension), A = change.From, B = change.To, Agent = _agent }.ToQueryString();

    /// <summary>The runs of one value in the timeline's range and agent.</summary>
    private string RunsLink(CompareDimension dimension, string value) =>
        "/runs?" + new RunListQuery { From = TimeRange.Format(_filter.From), To = TimeRange.Format(_filter.To), Agent = _agent }.With(dimension, value).ToQueryString();
}
