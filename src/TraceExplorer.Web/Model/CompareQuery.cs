using Microsoft.AspNetCore.Mvc;
using TraceExplorer.Core.Compare;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// The cohort comparison's state as query-string text, the same names on <c>/compare</c> and <c>GET /api/compare</c>,
/// parsed in this one place so that a link reproduces a comparison and a bad value names its parameter.
/// </summary>
public sealed record CompareQuery
{
    /// <summary>prompt_version, policy_version, tool_contract_version, route_config_version, model, route or time.</summary>
    [FromQuery(Name = "dimension")] public string? Dimension { get; init; }
    [FromQuery(Name = "a")] public string? A { get; init; }
    [FromQuery(Name = "b")] public string? B { get; init; }

    /// <summary>For dimension=time: the instant that splits before (A) from after (B).</summary>
    [FromQuery(Name = "at")] public string? At { get; init; }
    [FromQuery(Name = "from")] public string? From { get; init; }
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>"all" compares over all time; by default, without from and to, one day either side of the change.</summary>
    [FromQuery(Name = "window")] public string? Window { get; init; }
    [FromQuery(Name = "agent")] public string? Agent { get; init; }

    /// <summary>The open step group, as <see cref="GroupKey"/> writes it (page state, not part of the comparison: the API ignores it).</summary>
    [FromQuery(Name = "group")] public string? Group { get; init; }

    public const string AllTime = "all";

    /// <summary>The same comparison with nothing open: a selection changes what is shown, not what is compared.</summary>
    public CompareQuery Unselected => this with { Group = null };

    /// <summary>A step group in the URL: its kind and name, such as <c>tool:search_orders</c>.</summary>
    public static string GroupKey(StepGroupComparison group) => group.Kind.ToString().ToLowerInvariant() + ":" + group.Name;

    public static CompareQuery FromUri(string uri) => QueryState.Read<CompareQuery>(uri);

    /// <summary>The link to a comparison as the page and the API show it.</summary>
    public static CompareQuery For(CohortComparison comparison, CohortRequest request) => new()
    {
        Dimension = CompareDimensions.Name(comparison.Dimension),
        A = comparison.Dimension == CompareDimension.Time ? null : comparison.A,
        B = comparison.Dimension == CompareDimension.Time ? null : comparison.B,
        At = TimeRange.Format(comparison.At),
        From = TimeRange.Format(request.Filter.From),
        To = TimeRange.Format(request.Filter.To),
        Window = request.WholeRange ? AllTime : null,
        Agent = request.Filter.Agent,
    };

    public string ToQueryString() => QueryState.Write(this);

    /// <summary>Parses every value; each one that does not parse adds an error under its parameter's name.</summary>
    /// <param name="minRuns">The fewest runs per side for a test (<c>Reports:CompareMinRuns</c>).</param>
    public CohortRequest? ToRequest(int minRuns, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        void Fail(string name, string message) => found[name] = [message];

        var dimension = CompareDimension.PolicyVersion;
        if (Dimension is not null && !CompareDimensions.TryParse(Dimension, out dimension))
        {
            Fail("dimension", $"'{Dimension}' is not a dimension; use prompt_version, policy_version, tool_contract_version, route_config_version, model, route or time.");
        }

        var at = QueryParsing.ParseTime(At, "at", Fail);
        var (from, to) = TimeRange.Parse(From, To, Fail);

        if (Window is not null && !string.Equals(Window, AllTime, StringComparison.OrdinalIgnoreCase))
        {
            Fail("window", $"'{Window}' is not a window; use 'all' or leave it out.");
        }

        if (A is not null && A == B)
        {
            Fail("b", "A and B are the same value; pick two different ones.");
        }

        errors = found;
        return found.Count > 0 ? null : new CohortRequest
        {
            Dimension = dimension,
            A = A,
            B = B,
            At = at,
            WholeRange = Window is not null,
            MinRuns = minRuns,
            Filter = new RunFilter { From = from, To = to, Agent = Agent },
        };
    }
}
