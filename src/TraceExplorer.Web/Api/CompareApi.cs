using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Timeline;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Api;

/// <summary><c>/api/compare</c>: cohorts of runs, and single runs, compared with each other.</summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder endpoints)
    {
        var compare = endpoints.MapGroup("/api/compare").WithTags("Compare").RequireAuthorization(Security.AccessPolicies.Viewer);
        compare.MapGet("/", CompareCohortsAsync).WithName("CompareCohorts")
            .WithSummary("Runs where a dimension is A against runs where it is B (or before and after an instant): metrics side by side with significance tests, step groups worst first, the latency distribution and a typical run of each. Without a and b, the two latest values within one agent (the agent is set in the returned query); a and b of different agents are compared only when both are asked for, and crossAgent says so. Without from and to, one day either side of the change; window=all for all time. With fewer than Reports:CompareMinRuns runs on either side nothing is tested.");
        compare.MapGet("/timeline", GetTimelineAsync).WithName("GetChangeTimeline")
            .WithSummary("For each version dimension: its values with first and last seen, runs per value per hour or day, and the changes between values; with runs, failures and p95 latency per bucket.");
        compare.MapGet("/runs", DiffRunsAsync).WithName("DiffRuns").RequireAuthorization(Security.AccessPolicies.Engineer)
            .WithSummary("Two runs' steps aligned (on kind and tool or name), with duration deltas, changed arguments, results and status, decisions only one took, and version differences.");
        return endpoints;
    }

    private static async Task<Results<Ok<CompareResponse>, ProblemHttpResult, ValidationProblem>> CompareCohortsAsync(
        [AsParameters] CompareQuery query, CohortComparisonQueries comparisons, IOptions<ReportSettings> settings, CancellationToken cancellationToken)
    {
        var request = query.ToRequest(settings.Value.CompareMinRuns, out var errors);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "A comparison value is not valid.");
        }

        var resolved = await comparisons.WithDefaultsAsync(request, cancellationToken);
        if (resolved is null)
        {
            return TypedResults.Problem(
                title: "Nothing to compare.",
                detail: $"The {CompareDimensions.Name(request.Dimension)} dimension has fewer than two values in the runs selected; pick a dimension that changed, or a wider time range.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var comparison = await comparisons.CompareAsync(resolved, cancellationToken);
        return TypedResults.Ok(new CompareResponse(
            CompareQuery.For(comparison, resolved).ToQueryString(), CompareVerdict.Of(comparison).Text, comparison.CrossAgent, comparison));
    }

    private static async Task<Results<Ok<ChangeTimeline>, ValidationProblem>> GetTimelineAsync(
        [AsParameters] ChangeTimelineQuery query, ChangeTimelineQueries timelines, CancellationToken cancellationToken)
    {
        var filter = query.ToFilter(out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "A time value is not valid.");
        }

        return TypedResults.Ok(await timelines.GetAsync(filter, cancellationToken));
    }

    private static async Task<Results<Ok<RunDiff>, ProblemHttpResult, ValidationProblem>> DiffRunsAsync(
        RunDiffQueries diffs, CancellationToken cancellationToken, string? a = null, string? b = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(a))
        {
            errors["a"] = ["The id of the first run is required."];
        }

        if (string.IsNullOrWhiteSpace(b))
        {
            errors["b"] = ["The id of the second run is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Two runs are needed to compare.");
        }

        var diff = await diffs.DiffAsync(a!, b!, cancellationToken);
        return diff is null
            ? TypedResults.Problem(title: "Run not found.", detail: $"No run has the id '{a}' or no run has the id '{b}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(diff);
    }
}
