using Microsoft.AspNetCore.Mvc;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model;

/// <summary>The audit trail's state as query-string text, on <c>/decisions</c> and <c>GET /api/decisions</c>.</summary>
public sealed record DecisionQuery
{
    public const int DefaultPageSize = 50;

    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>approval, policyBlock, routing, fallback or audit.</summary>
    [FromQuery(Name = "kind")] public string? Kind { get; init; }
    [FromQuery(Name = "outcome")] public string? Outcome { get; init; }
    [FromQuery(Name = "policyId")] public string? PolicyId { get; init; }
    [FromQuery(Name = "actor")] public string? Actor { get; init; }
    [FromQuery(Name = "target")] public string? Target { get; init; }
    [FromQuery(Name = "runId")] public string? RunId { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
    [FromQuery(Name = "pageSize")] public string? PageSize { get; init; }

    /// <summary>The page's open decision, by id (page state, not a filter: the API ignores it).</summary>
    [FromQuery(Name = "selected")] public string? Selected { get; init; }

    /// <summary>The same list with nothing open: a selection changes what is shown, not what is read.</summary>
    public DecisionQuery Unselected => this with { Selected = null };

    /// <summary>json (default) or csv (the requested page).</summary>
    [FromQuery(Name = "format")] public string? Format { get; init; }

    public bool IsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public static DecisionQuery FromUri(string uri) => QueryState.Read<DecisionQuery>(uri);

    public string ToQueryString() => QueryState.Write(this);

    public (DecisionFilter Filter, int Page, int PageSize) ToRequest(out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string name, string message) => found[name] = [message];
        var (from, to) = TimeRange.Parse(From, To, Fail);
        var kind = QueryParsing.ParseEnum<DecisionKind>(Kind, "kind", "a decision kind", Fail);

        var page = QueryParsing.ParseInt(Page, "page", 1, 1_000_000, 1, Fail);
        var pageSize = QueryParsing.ParseInt(PageSize, "pageSize", 1, DecisionQueries.MaxPageSize, DefaultPageSize, Fail);
        if (Format is not null && !IsCsv && !string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase))
        {
            Fail("format", $"'{Format}' is not a format; use json or csv.");
        }

        errors = found;
        var filter = new DecisionFilter { From = from, To = to, Kind = kind, Outcome = Outcome, PolicyId = PolicyId, Actor = Actor, Target = Target, RunId = RunId };
        return (filter, page, pageSize);
    }
}
