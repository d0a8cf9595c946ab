using Microsoft.AspNetCore.Mvc;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// The analytics pages' and APIs' state as query-string text: the run filters they share (the same names as the runs
/// list) and each report's own options. Parsed here once, so a link reproduces a report and a bad value names its
/// parameter.
/// </summary>
public sealed record AnalyticsQuery
{
    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }
    [FromQuery(Name = "agent")] public string? Agent { get; init; }
    [FromQuery(Name = "route")] public string? Route { get; init; }
    [FromQuery(Name = "promptVersion")] public string? PromptVersion { get; init; }
    [FromQuery(Name = "policyVersion")] public string? PolicyVersion { get; init; }
    [FromQuery(Name = "toolContractVersion")] public string? ToolContractVersion { get; init; }
    [FromQuery(Name = "routeConfigVersion")] public string? RouteConfigVersion { get; init; }
    [FromQuery(Name = "model")] public string? Model { get; init; }

    /// <summary>Slow steps: kind, name, tool (default) or model.</summary>
    [FromQuery(Name = "groupBy")] public string? GroupBy { get; init; }

    /// <summary>Repeated tools: the fewest identical calls that count as repeating (default 2).</summary>
    [FromQuery(Name = "minCalls")] public string? MinCalls { get; init; }

    /// <summary>Latency report: one line per agent, route, promptVersion, policyVersion, toolContractVersion or routeConfigVersion; none by default.</summary>
    [FromQuery(Name = "by")] public string? By { get; init; }

    /// <summary>Latency report: hour or day; by default hours over three days or less.</summary>
    [FromQuery(Name = "bucket")] public string? Bucket { get; init; }

    /// <summary>Latency report: the SLO, a number of milliseconds or a duration such as 60s (default from configuration).</summary>
    [FromQuery(Name = "sloMs")] public string? SloMs { get; init; }

    /// <summary>"all": over all time, where the page would otherwise start from its default range.</summary>
    [FromQuery(Name = "range")] public string? Range { get; init; }

    public const string AllTime = "all";

    /// <summary>Complaints: the dimension of the selected value (prompt_version, route...), as the compare page names it.</summary>
    [FromQuery(Name = "dimension")] public string? Dimension { get; init; }

    /// <summary>Latency report: the series of the selected hour or day.</summary>
    [FromQuery(Name = "series")] public string? Series { get; init; }

    /// <summary>
    /// The table row whose drill-down is open: a step group, a repeated tool, a failing schema, a complained-about value
    /// or a latency bucket's start (page state, not a filter).
    /// </summary>
    [FromQuery(Name = "selected")] public string? Selected { get; init; }

    /// <summary>Validation: the failure reason of the selected schema.</summary>
    [FromQuery(Name = "reason")] public string? Reason { get; init; }

    /// <summary>Repeated tools: the loop pattern whose runs are open.</summary>
    [FromQuery(Name = "loop")] public string? Loop { get; init; }

    /// <summary>The same report with nothing selected: a selection changes what is open, not what is read.</summary>
    public AnalyticsQuery Unselected => this with { Selected = null, Reason = null, Loop = null, Dimension = null, Series = null };

    /// <summary>json (default) or csv.</summary>
    [FromQuery(Name = "format")] public string? Format { get; init; }

    public bool IsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public RunListQuery Filters => new()
    {
        From = From, To = To, Agent = Agent, Route = Route, PromptVersion = PromptVersion, PolicyVersion = PolicyVersion,
        ToolContractVersion = ToolContractVersion, RouteConfigVersion = RouteConfigVersion, Model = Model,
    };

    public AnalyticsQuery WithFilters(RunListQuery filters) => this with
    {
        From = filters.From, To = filters.To, Agent = filters.Agent, Route = filters.Route, PromptVersion = filters.PromptVersion,
        PolicyVersion = filters.PolicyVersion, ToolContractVersion = filters.ToolContractVersion, RouteConfigVersion = filters.RouteConfigVersion, Model = filters.Model,
    };

    public static AnalyticsQuery FromUri(string uri) => QueryState.Read<AnalyticsQuery>(uri);

    public string ToQueryString() => QueryState.Write(this);

    /// <summary>Parses the filters and every option; each value that does not parse adds an error under its name.</summary>
    public AnalyticsRequest ToRequest(double defaultSloMs, out Dictionary<string, string[]> errors)
    {
        var filter = Filters.ToRequest(out errors).Filter;
        var found = errors;
        void Fail(string name, string message) => found[name] = [message];

        var grouping = StepGrouping.Tool;
        if (GroupBy is not null && !Enum.TryParse(GroupBy, ignoreCase: true, out grouping) | !Enum.IsDefined(grouping) | int.TryParse(GroupBy, out _))
        {
            Fail("groupBy", $"'{GroupBy}' is not a grouping; use kind, name, tool or model.");
        }

        var by = LatencyGrouping.None;
        if (By is not null && !Enum.TryParse(By, ignoreCase: true, out by) | !Enum.IsDefined(by) | int.TryParse(By, out _))
        {
            Fail("by", $"'{By}' is not a grouping; use agent, route, promptVersion, policyVersion, toolContractVersion or routeConfigVersion.");
        }

        TimeBucket? bucket = null;
        if (Bucket is not null)
        {
            bucket = Bucket.ToLowerInvariant() switch { "hour" => TimeBucket.Hour, "day" => TimeBucket.Day, _ => null };
            if (bucket is null)
            {
                Fail("bucket", $"'{Bucket}' is not a bucket; use hour or day.");
            }
        }

        var minCalls = QueryParsing.ParseInt(MinCalls, "minCalls", 2, 1000, RepeatedToolQueries.DefaultMinCalls, Fail);
        var slo = defaultSloMs;
        if (SloMs is not null && !DurationInput.TryParseMs(SloMs, out slo))
        {
            Fail("sloMs", $"'{SloMs}' is not an SLO; {DurationInput.Hint}.");
        }

        if (Range is not null && !string.Equals(Range, AllTime, StringComparison.OrdinalIgnoreCase))
        {
            Fail("range", $"'{Range}' is not a range; use 'all' or leave it out.");
        }

        if (Format is not null && !IsCsv && !string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase))
        {
            Fail("format", $"'{Format}' is not a format; use json or csv.");
        }

        return new AnalyticsRequest(filter, grouping, minCalls, by, bucket, slo);
    }
}
