using Microsoft.AspNetCore.Http.HttpResults;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Model.Reports;

namespace TraceExplorer.Web.Api;

/// <summary><c>/api/decisions</c>: the audit trail across runs.</summary>
public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/decisions").WithTags("Decisions").RequireAuthorization(Security.AccessPolicies.Viewer)
            .MapGet("/", GetDecisionsAsync).WithName("ListDecisions")
            .WithSummary("Every decision (approvals, policy blocks, routing, fallbacks, audit records), newest first, filtered by kind, outcome, policyId, actor, target, runId, from and to; each with its run and step. format=csv for the page as CSV.");
        return endpoints;
    }

    private static async Task<IResult> GetDecisionsAsync([AsParameters] DecisionQuery query, DecisionQueries decisions, CancellationToken cancellationToken)
    {
        var (filter, page, pageSize) = query.ToRequest(out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "A filter value is not valid.");
        }

        var result = await decisions.GetAsync(filter, page, pageSize, cancellationToken);
        return query.IsCsv ? AnalyticsApi.Csv("decisions.csv", ReportColumns.Decisions, result.Items) : TypedResults.Ok(result);
    }
}
