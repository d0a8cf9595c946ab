using Microsoft.AspNetCore.Http.HttpResults;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Otlp.Mapping;
using TraceExplorer.Storage.Deletion;

namespace TraceExplorer.Web.Api;

/// <summary><c>/api/endusers</c>: erasure of everything stored about one end user.</summary>
public static class EndUsersApi
{
    public sealed record ErasureResult(string EndUserHash, int DeletedRuns);

    public static IEndpointRouteBuilder MapEndUsersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/endusers").WithTags("End users").RequireAuthorization(Security.AccessPolicies.Admin)
            .MapDelete("/{endUserId}", EraseAsync).WithName("EraseEndUser")
            .WithSummary("Deletes every run of the end user (enduser.id, hashed the way ingest hashes it) and records the erasure.");
        return endpoints;
    }

    private static async Task<Ok<ErasureResult>> EraseAsync(string endUserId, IngestMappingOptions mapping, RunDeletion deletion, CancellationToken cancellationToken)
    {
        // The raw id is hashed at once: it is neither stored nor logged, and the audit record names the hash.
        var hash = KeyedHash.Compute(mapping.EndUserHashKey, endUserId);
        var deleted = await deletion.EraseEndUserAsync(hash, actor: "api", cancellationToken);
        return TypedResults.Ok(new ErasureResult(hash, deleted));
    }
}
