using Microsoft.AspNetCore.Mvc;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>The change timeline's state as query-string text, the same names on <c>/compare/timeline</c> and <c>GET /api/compare/timeline</c>.</summary>
public sealed record ChangeTimelineQuery
{
    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>One agent's versions: another agent's traffic blurs the share and latency of a change.</summary>
    [FromQuery(Name = "agent")] public string? Agent { get; init; }

    public static ChangeTimelineQuery FromUri(string uri) => QueryState.Read<ChangeTimelineQuery>(uri);

    public string ToQueryString() => QueryState.Write(this);

    /// <summary>The runs the timeline reads; each value that does not parse adds an error under its parameter's name.</summary>
    public RunFilter ToFilter(out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        var (from, to) = TimeRange.Parse(From, To, (name, message) => found[name] = [message]);
        errors = found;
        return new RunFilter { From = from, To = to, Agent = Agent };
    }
}
