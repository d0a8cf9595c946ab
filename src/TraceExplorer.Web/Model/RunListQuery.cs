using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// The runs list's state as query-string text: the same names in the page URL and in <c>GET /api/runs</c>,
/// parsed and validated in this one place so that a link reproduces a view and a bad value names its parameter.
/// </summary>
public sealed record RunListQuery
{
    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }
    [FromQuery(Name = "status")] public string? Status { get; init; }
    [FromQuery(Name = "agent")] public string? Agent { get; init; }
    [FromQuery(Name = "route")] public string? Route { get; init; }
    [FromQuery(Name = "promptVersion")] public string? PromptVersion { get; init; }
    [FromQuery(Name = "policyVersion")] public string? PolicyVersion { get; init; }
    [FromQuery(Name = "toolContractVersion")] public string? ToolContractVersion { get; init; }
    [FromQuery(Name = "routeConfigVersion")] public string? RouteConfigVersion { get; init; }
    [FromQuery(Name = "model")] public string? Model { get; init; }
    [FromQuery(Name = "minDurationMs")] public string? MinDurationMs { get; init; }
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }

    /// <summary>startTime, durationMs, stepCount, toolCallCount, errorCount, tokens, agentName or status.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; init; }

    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; init; }

    /// <summary>True when any filter is set; paging and sorting are not filters.</summary>
    public bool HasFilters => this with { Page = null, PageSize = null, Sort = null, Dir = null } != new RunListQuery();

    public static RunListQuery FromUri(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var values = queryStart < 0 ? [] : QueryHelpers.ParseQuery(uri[queryStart..]);
        string? Get(string name) => values.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
        return new RunListQuery
        {
            From = Get("from"),
            To = Get("to"),
            Status = Get("status"),
            Agent = Get("agent"),
            Route = Get("route"),
            PromptVersion = Get("promptVersion"),
            PolicyVersion = Get("policyVersion"),
            ToolContractVersion = Get("toolContractVersion"),
            RouteConfigVersion = Get("routeConfigVersion"),
            Model = Get("model"),
            MinDurationMs = Get("minDurationMs"),
            Q = Get("q"),
            Page = Get("page"),
            PageSize = Get("pageSize"),
            Sort = Get("sort"),
            Dir = Get("dir"),
        };
    }

    /// <summary>The query string (without '?') for this state, leaving out what is empty or default.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(name, value));
            }
        }

        Add("q", Q);
        Add("from", From);
        Add("to", To);
        Add("status", Status);
        Add("agent", Agent);
        Add("route", Route);
        Add("promptVersion", PromptVersion);
        Add("policyVersion", PolicyVersion);
        Add("toolContractVersion", ToolContractVersion);
        Add("routeConfigVersion", RouteConfigVersion);
        Add("model", Model);
        Add("minDurationMs", MinDurationMs);
        Add("sort", Sort);
        Add("dir", Dir);
        Add("page", Page);
        Add("pageSize", PageSize);
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>Parses every value; each one that does not parse adds an error under its parameter's name.</summary>
    public RunListRequest ToRequest(out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string name, string message) => found[name] = [message];

        var from = QueryParsing.ParseTime(From, "from", Fail);
        var to = QueryParsing.ParseTime(To, "to", Fail);
        if (from is not null && to is not null && from >= to)
        {
            Fail("to", "'to' must be later than 'from'.");
        }

        RunStatus? status = null;
        if (Status is not null)
        {
            if (Enum.TryParse<RunStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(Status, out _))
            {
                status = parsed;
            }
            else
            {
                Fail("status", $"'{Status}' is not a run status; use ok or error.");
            }
        }

        double? minDuration = null;
        if (MinDurationMs is not null)
        {
            if (double.TryParse(MinDurationMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && double.IsFinite(parsed))
            {
                minDuration = parsed;
            }
            else
            {
                Fail("minDurationMs", $"'{MinDurationMs}' is not a non-negative number of milliseconds.");
            }
        }

        var page = QueryParsing.ParseInt(Page, "page", 1, int.MaxValue, 1, Fail);
        var pageSize = QueryParsing.ParseInt(PageSize, "pageSize", 1, RunListRequest.MaxPageSize, 50, Fail);

        var sort = RunSortField.StartTime;
        if (Sort is not null && !RunSortNames.TryParse(Sort, out sort))
        {
            Fail("sort", $"'{Sort}' is not a sortable column; use one of {string.Join(", ", RunSortNames.All)}.");
        }

        var descending = true;
        if (Dir is not null)
        {
            if (Dir.Equals("asc", StringComparison.OrdinalIgnoreCase))
            {
                descending = false;
            }
            else if (!Dir.Equals("desc", StringComparison.OrdinalIgnoreCase))
            {
                Fail("dir", $"'{Dir}' is not a sort direction; use asc or desc.");
            }
        }

        errors = found;
        return new RunListRequest
        {
            Filter = new RunFilter
            {
                From = from,
                To = to,
                Status = status,
                Agent = Agent,
                Route = Route,
                PromptVersion = PromptVersion,
                PolicyVersion = PolicyVersion,
                ToolContractVersion = ToolContractVersion,
                RouteConfigVersion = RouteConfigVersion,
                Model = Model,
                MinDurationMs = minDuration,
                Text = Q,
            },
            Sort = sort,
            Descending = descending,
            Page = page,
            PageSize = pageSize,
        };
    }

    public static string FormatTime(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
