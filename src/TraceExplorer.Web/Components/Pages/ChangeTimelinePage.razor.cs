using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Timeline;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Charts;

namespace TraceExplorer.Web.Components.Pages;

/// <summary>Each version dimension over time with one-click before-and-after comparisons of its changes.</summary>
public sealed partial class ChangeTimelinePage
{
    private const string CustomRange = "Custom range";
    private ChangeTimeline? _timeline;
    private Dictionary<CompareDimension, ChartFigure> _charts = [];
    private string? _error;
    private string _presetLabel = TimeRangePreset.All[0].Label;
    private DateTime? _from;
    private DateTime? _to;

    [Inject] public required ChangeTimelineQueries Timelines { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _timeline = null;
        _error = null;
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        var errors = new List<string>();
        _from = QueryParsing.ParseTime(query.TryGetValue("from", out var from) ? from.ToString() : null, "from", (_, message) => errors.Add(message));
        _to = QueryParsing.ParseTime(query.TryGetValue("to", out var to) ? to.ToString() : null, "to", (_, message) => errors.Add(message));
        _presetLabel = _from is null && _to is null ? TimeRangePreset.All[0].Label : CustomRange;
        if (errors.Count > 0)
        {
            _error = string.Join(" ", errors);
            return;
        }

        try
        {
            _timeline = await Timelines.GetAsync(new RunFilter { From = _from, To = _to });
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
        Navigation.NavigateTo(range.From is null ? "/compare/timeline" : $"/compare/timeline?from={Uri.EscapeDataString(range.From)}");
    }

    private static string CompareLink(CompareDimension dimension, VersionChange change) =>
        "/compare?" + new CompareQuery { Dimension = CompareDimensions.Name(dimension), A = change.From, B = change.To }.ToQueryString();

    private string RunsLink(CompareDimension dimension, string value)
    {
        var query = new RunListQuery { From = _from is { } f ? RunListQuery.FormatTime(f) : null, To = _to is { } t ? RunListQuery.FormatTime(t) : null };
        return "/runs?" + query.With(dimension, value).ToQueryString();
    }
}
