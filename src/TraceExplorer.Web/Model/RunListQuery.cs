using Microsoft.AspNetCore.Mvc;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// The runs list's state as query-string text: the same names in the page URL and in <c>GET /api/runs</c>,
/// parsed and validated in this one place so that a link reproduces a view and a bad value names its parameter.
/// </summary>
public sealed record RunListQuery
{
    /// <summary>Free text: an id, or words in the runs' input or names (<see cref="RunFilter.Text"/>).</summary>
    [FromQuery(Name = "q")] public string? Q { get; init; }
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

    /// <summary>Runs in which a step of this group (a tool, model, schema or step name) failed.</summary>
    [FromQuery(Name = "failedStep")] public string? FailedStep { get; init; }

    /// <summary>With <see cref="SlowerThanMs"/>: runs in which a step of this group was slower than that.</summary>
    [FromQuery(Name = "slowStep")] public string? SlowStep { get; init; }

    [FromQuery(Name = "slowerThanMs")] public string? SlowerThanMs { get; init; }

    /// <summary>Runs that called this tool twice or more with identical arguments.</summary>
    [FromQuery(Name = "repeatedTool")] public string? RepeatedTool { get; init; }

    /// <summary>"true": runs with a complaint.</summary>
    [FromQuery(Name = "complaints")] public string? Complaints { get; init; }

    /// <summary>Runs with a decision of this kind (approval, policyBlock, routing, fallback, audit).</summary>
    [FromQuery(Name = "decision")] public string? Decision { get; init; }

    /// <summary>Runs the filters in this query string (without '?') do not select: an explanation's "others".</summary>
    [FromQuery(Name = "not")] public string? Not { get; init; }

    /// <summary>startTime, durationMs, stepCount, toolCallCount, errorCount, tokens, agentName or status.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; init; }

    /// <summary>asc or desc.</summary>
    [FromQuery(Name = "dir")] public string? Dir { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }

    /// <summary>True when any filter is set; paging and sorting are not filters.</summary>
    public bool HasFilters => this with { Page = null, PageSize = null, Sort = null, Dir = null } != new RunListQuery();

    public static RunListQuery FromUri(string uri) => QueryState.Read<RunListQuery>(uri);

    /// <summary>The query string (without '?') for this state, leaving out what is empty.</summary>
    public string ToQueryString() => QueryState.Write(this);

    /// <summary>Parses every value; each one that does not parse adds an error under its parameter's name.</summary>
    public RunListRequest ToRequest(out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string name, string message) => found[name] = [message];

        var (from, to) = TimeRange.Parse(From, To, Fail);

        var status = QueryParsing.ParseEnum<RunStatus>(Status, "status", "a run status", Fail);
        var minDuration = QueryParsing.ParseMilliseconds(MinDurationMs, "minDurationMs", Fail);
        var slowerThan = QueryParsing.ParseMilliseconds(SlowerThanMs, "slowerThanMs", Fail);
        if (SlowStep is not null && SlowerThanMs is null)
        {
            Fail("slowerThanMs", "A slow step needs slowerThanMs, the threshold in milliseconds.");
        }

        var complaints = false;
        if (Complaints is not null && !bool.TryParse(Complaints, out complaints))
        {
            Fail("complaints", $"'{Complaints}' is not true or false.");
        }

        var decision = QueryParsing.ParseEnum<DecisionKind>(Decision, "decision", "a decision kind", Fail);

        RunFilter? excluding = null;
        var excluded = string.IsNullOrWhiteSpace(Not) ? null : FromUri("?" + Not);
        if (excluded is not null)
        {
            if (excluded.Not is not null)
            {
                Fail("not", "'not' cannot hold another 'not'; put every filter of the runs to leave out in one.");
            }
            else if (excluded.Q is not null)
            {
                Fail("not", "'not' takes filters such as status=error or route=primary, not free text (q).");
            }
            else if (!excluded.HasFilters)
            {
                Fail("not", $"'{Not}' holds no filter; give the runs to leave out as filters, for example status=error.");
            }
            else
            {
                excluding = excluded.ToRequest(out var excludedErrors).Filter;
                foreach (var (name, messages) in excludedErrors)
                {
                    Fail("not", $"{name}: {string.Join(" ", messages)}");
                }
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
                FailedStep = FailedStep,
                SlowStep = SlowerThanMs is null ? null : SlowStep,
                SlowerThanMs = slowerThan,
                RepeatedTool = RepeatedTool,
                WithComplaints = complaints,
                Decision = decision,
                Excluding = excluding,
            },
            Sort = sort,
            Descending = descending,
            Page = page,
            PageSize = pageSize,
        };
    }
}
