using Microsoft.AspNetCore.Http.HttpResults;
using TraceExplorer.Replay;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Web.Api;

/// <summary><c>/api/replay</c>: the HTTP cassette that serves a recorded run's tool results to an agent under test.</summary>
public static class ReplayApi
{
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/replay").WithTags("Replay").DisableAntiforgery().RequireAuthorization(Security.AccessPolicies.Engineer)
            .MapPost("/{runId}/tools/{toolName}", PlayAsync).WithName("ReplayToolCall")
            .WithSummary("The recorded outcome of a tool call of the run: matched by tool and arguments hash (the body is the arguments), " +
                         "else by ?occurrence=N. A miss is a 404 that says why; nothing is invented.");
        return endpoints;
    }

    private static async Task<Results<Ok<CassetteAnswer>, NotFound<CassetteAnswer>, ProblemHttpResult, ValidationProblem>> PlayAsync(
        string runId, string toolName, HttpRequest request, ReplayQueries replay, CancellationToken cancellationToken, string? occurrence = null)
    {
        var errors = new Dictionary<string, string[]>();
        int? number = occurrence is null ? null : QueryParsing.ParseInt(occurrence, "occurrence", 1, int.MaxValue, 1, (name, message) => errors[name] = [message]);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "A replay value is not valid.");
        }

        var bundle = await replay.GetBundleAsync(runId, cancellationToken);
        if (bundle is null)
        {
            return TypedResults.Problem(title: "Run not found.", detail: $"No run has the id '{runId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        using var reader = new StreamReader(request.Body);
        var arguments = await reader.ReadToEndAsync(cancellationToken);
        var answer = new ToolCassette(bundle).Match(toolName, arguments.Length == 0 ? null : arguments, number);
        return answer.Hit ? TypedResults.Ok(answer) : TypedResults.NotFound(answer);
    }
}
