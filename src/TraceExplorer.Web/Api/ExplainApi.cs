using TraceExplorer.Storage.Analytics.Explain;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Reports;

namespace TraceExplorer.Web.Api;

/// <summary>
/// <c>/api/explain</c>: what sets a symptom's runs apart from a baseline's, with the page's parameters (see
/// <see cref="ExplainQuery"/>) and <c>format=csv</c> for the ranked values. Only names, versions, kinds and counts
/// leave it, never payload text, so viewers may read it.
/// </summary>
public static class ExplainApi
{
    public static IEndpointRouteBuilder MapExplainApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/explain").WithTags("Explain").RequireAuthorization(Security.AccessPolicies.Viewer)
            .MapGet("/", ExplainAsync).WithName("Explain")
            .WithSummary("Given a symptom (the runs list's filters, plus failedStep, slowStep with slowerThanMs, repeatedTool, complaints=true or decision) and a baseline (baseline=others, before or filter with b.* filters), every run dimension's values and step-level properties ranked by how much of the symptom they explain, with shares, lift and Holm-adjusted p-values; pairs; when it started; and one sentence.");
        return endpoints;
    }

    private static async Task<IResult> ExplainAsync(HttpRequest http, ExplainQueries explain, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = ExplainQuery.FromUri(http.QueryString.Value ?? "");
        var request = query.ToRequest(time.GetUtcNow().UtcDateTime, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "A symptom or baseline value is not valid.");
        }

        var result = await explain.ExplainAsync(request, cancellationToken);
        if (query.IsCsv)
        {
            return AnalyticsApi.Csv("explain.csv", ExplainColumns.Csv, result.Causes.Concat(result.InTheRuns));
        }

        var sentence = ExplainSentence.For(result, request);
        return TypedResults.Ok(new
        {
            query = (query with { Format = null }).ToQueryString(),
            sentence = ExplainSentence.Text(sentence),
            sentenceParts = sentence,
            result,
        });
    }
}
