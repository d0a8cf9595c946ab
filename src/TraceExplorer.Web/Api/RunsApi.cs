using Microsoft.AspNetCore.Http.HttpResults;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Api;

/// <summary><c>/api/runs</c>: the runs list and a run's details, steps and decisions as JSON.</summary>
public static class RunsApi
{
    public const int DefaultStepPageSize = 1000;

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapGroup("/api/runs").WithTags("Runs").RequireAuthorization(AccessPolicies.Viewer);
        runs.MapGet("/", ListRuns).WithName("ListRuns").WithSummary("Runs matching the filters, one page at a time.");
        runs.MapGet("/{runId}", GetRun).WithName("GetRun").WithSummary("One run with its versions, related runs and complaints.");
        runs.MapGet("/{runId}/steps", GetSteps).WithName("GetRunSteps").WithSummary("A run's steps in step order; page with offset and limit.");
        runs.MapGet("/{runId}/decisions", GetDecisions).WithName("GetRunDecisions").WithSummary("A run's decision log in time order.");
        runs.MapDelete("/{runId}", DeleteRun).WithName("DeleteRun").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Deletes the run with its steps, decisions and complaints, and records the deletion in the audit log.");
        runs.MapGet("/{runId}/replay", GetReplayBundle).WithName("GetRunReplayBundle").RequireAuthorization(AccessPolicies.Engineer)
            .WithSummary("The run's replay bundle (docs/replay.md): redacted input, versions, route, model parameters, tool calls, retrievals, validations and decisions.");
        return endpoints;
    }

    private static async Task<Results<Ok<PagedResult<RunListItem>>, ValidationProblem>> ListRuns(
        [AsParameters] RunListQuery query, RunQueries queries, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = query.ToRequest(out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "A filter value is not valid.");
        }

        return TypedResults.Ok(await queries.GetRunsAsync(PayloadAccess.ForUser(request, user), cancellationToken));
    }

    private static async Task<Results<Ok<RunDetails>, ProblemHttpResult>> GetRun(string runId, RunQueries queries, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var run = await queries.GetRunAsync(runId, cancellationToken);
        return run is null ? RunNotFound(runId) : TypedResults.Ok(PayloadAccess.ForUser(run, user));
    }

    private static async Task<Results<Ok<IReadOnlyList<StepItem>>, ProblemHttpResult, ValidationProblem>> GetSteps(
        string runId, RunQueries queries, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken, string? offset = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string name, string message) => errors[name] = [message];
        var from = QueryParsing.ParseInt(offset, "offset", 0, int.MaxValue, 0, Fail);
        var count = QueryParsing.ParseInt(limit, "limit", 1, RunQueries.MaxStepPageSize, DefaultStepPageSize, Fail);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "A paging value is not valid.");
        }

        var steps = await queries.GetStepsAsync(runId, from, count, cancellationToken);
        return steps is null ? RunNotFound(runId) : TypedResults.Ok<IReadOnlyList<StepItem>>(steps.Select(step => PayloadAccess.ForUser(step, user)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<DecisionItem>>, ProblemHttpResult>> GetDecisions(
        string runId, RunQueries queries, CancellationToken cancellationToken)
    {
        var decisions = await queries.GetDecisionsAsync(runId, cancellationToken);
        return decisions is null ? RunNotFound(runId) : TypedResults.Ok(decisions);
    }

    private static async Task<Results<JsonHttpResult<Core.Replay.ReplayBundle>, ProblemHttpResult>> GetReplayBundle(
        string runId, ReplayQueries replay, HttpContext context, CancellationToken cancellationToken)
    {
        var bundle = await replay.GetBundleAsync(runId, cancellationToken);
        if (bundle is null)
        {
            return RunNotFound(runId);
        }

        // A file to keep next to the incident: the browser saves it rather than showing it.
        var fileName = new string(runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + ".replay.json";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Json(bundle);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteRun(string runId, Storage.Deletion.RunDeletion deletion, CancellationToken cancellationToken) =>
        await deletion.DeleteRunAsync(runId, actor: "api", cancellationToken) ? TypedResults.NoContent() : RunNotFound(runId);

    private static ProblemHttpResult RunNotFound(string runId) =>
        TypedResults.Problem(title: "Run not found.", detail: $"No run has the id '{runId}'.", statusCode: StatusCodes.Status404NotFound);
}
