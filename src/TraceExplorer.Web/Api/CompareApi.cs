using Microsoft.AspNetCore.Http.HttpResults;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Web.Api;

/// <summary><c>/api/compare</c>: runs compared with each other.</summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/compare").WithTags("Compare")
            .MapGet("/runs", DiffRunsAsync).WithName("DiffRuns")
            .WithSummary("Two runs' steps aligned (on kind and tool or name), with duration deltas, changed arguments, results and status, decisions only one took, and version differences.");
        return endpoints;
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
