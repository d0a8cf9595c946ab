using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Model;

/// <summary>
/// The explain page's and <c>GET /api/explain</c>'s state as query-string text: the symptom as the runs list's filters
/// (the same names) plus what happened in the runs, and the baseline (others, before, or a filter whose names carry a
/// <c>b.</c> prefix: <c>b.promptVersion</c>). Parsed here once, so that a link reproduces an explanation.
/// </summary>
public sealed record ExplainQuery
{
    public const string BaselinePrefix = "b.";

    public RunListQuery Filters { get; init; } = new();

    /// <summary>others (default), before, or filter (the b.* filters).</summary>
    [FromQuery(Name = "baseline")] public string? Baseline { get; init; }

    public RunListQuery BaselineFilters { get; init; } = new();

    /// <summary>json (default) or csv.</summary>
    [FromQuery(Name = "format")] public string? Format { get; init; }

    public bool IsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public static ExplainQuery FromUri(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var values = queryStart < 0 ? [] : QueryHelpers.ParseQuery(uri[queryStart..]);
        var baseline = values.Where(v => v.Key.StartsWith(BaselinePrefix, StringComparison.Ordinal))
            .Select(v => new KeyValuePair<string, string?>(v.Key[BaselinePrefix.Length..], v.Value.ToString()));
        return QueryState.Read<ExplainQuery>(uri) with
        {
            Filters = RunListQuery.FromUri(uri),
            BaselineFilters = RunListQuery.FromUri(QueryString.Create(baseline).ToUriComponent()),
        };
    }

    /// <summary>The query string (without '?'): the symptom's filters, this query's own values, then the baseline's filters with their prefix.</summary>
    public string ToQueryString()
    {
        var baseline = QueryHelpers.ParseQuery("?" + BaselineFilters.ToQueryString())
            .Select(p => new KeyValuePair<string, string?>(BaselinePrefix + p.Key, p.Value.ToString()));
        var parts = new[] { Filters.ToQueryString(), QueryState.Write(this), QueryString.Create(baseline).ToUriComponent().TrimStart('?') };
        return string.Join("&", parts.Where(p => p.Length > 0));
    }

    /// <summary>Parses every value; each that does not parse adds an error under its parameter's name.</summary>
    /// <param name="utcNow">The end of a window with a start and no end, for the window before it.</param>
    public ExplainRequest ToRequest(DateTime utcNow, out Dictionary<string, string[]> errors)
    {
        var filter = Filters.ToRequest(out errors).Filter;
        var found = errors;
        void Fail(string name, string message) => found[name] = [message];
        if (Filters.Q is not null)
        {
            Fail("q", "Free text is not an explain filter; name the runs by status, time, agent, route, version or model.");
        }

        if (Filters.Not is not null)
        {
            Fail("not", "An explanation's symptom cannot leave runs out; choose the baseline with baseline=filter and b.* filters.");
        }

        var baseline = (Baseline ?? "others").ToLowerInvariant() switch
        {
            "others" => ExplainBaseline.Others,
            "before" => ExplainBaseline.WindowBefore,
            "filter" => ExplainBaseline.Filter,
            _ => (ExplainBaseline?)null,
        };
        if (baseline is null)
        {
            Fail("baseline", $"'{Baseline}' is not a baseline; use others, before or filter.");
        }

        if (baseline == ExplainBaseline.WindowBefore && filter.From is null)
        {
            Fail("baseline", "The window before needs the symptom's window: set from (and to, or it ends now).");
        }

        var baselineFilter = BaselineFilters.ToRequest(out var baselineErrors).Filter;
        foreach (var (name, messages) in baselineErrors)
        {
            found[BaselinePrefix + name] = messages;
        }

        if (Format is not null && !IsCsv && !string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase))
        {
            Fail("format", $"'{Format}' is not a format; use json or csv.");
        }

        if (baseline == ExplainBaseline.WindowBefore && filter.From is { } from && filter.To is null)
        {
            filter = filter with { To = utcNow > from ? utcNow : from.AddHours(1) };
        }

        return new ExplainRequest
        {
            Symptom = new ExplainSymptom { Filter = filter },
            Baseline = baseline ?? ExplainBaseline.Others,
            BaselineFilter = baseline == ExplainBaseline.Filter ? baselineFilter : null,
        };
    }
}
