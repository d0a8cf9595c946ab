using Google.Protobuf;
using Grpc.Core;

namespace TraceExplorer.Web.Ingest.Grpc;

/// <summary>How an ingest outcome or a refused sender reads in gRPC status codes.</summary>
internal static class OtlpGrpcStatus
{
    public static void EnsureAllowed(IngestAuthorizer authorizer, ServerCallContext context)
    {
        var headers = context.RequestHeaders;
        if (!authorizer.IsAllowed(headers.GetValue(IngestAuthorizer.ApiKeyHeader), headers.GetValue("authorization")))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid API key is required in the x-api-key header or as Authorization: Bearer."));
        }
    }

    /// <summary>Busy and failed writes are UNAVAILABLE, which OTLP exporters retry with backoff; unreadable input is INVALID_ARGUMENT.</summary>
    public static void EnsureStored(IngestOutcome outcome)
    {
        if (outcome.Result == IngestOutcome.Status.Invalid)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, outcome.Message ?? "Invalid request."));
        }

        if (outcome.Result != IngestOutcome.Status.Stored)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, outcome.Message ?? "Retry later."));
        }
    }

    /// <summary>
    /// Counts a decoded request against the byte budget until it is answered (gRPC has read it whole by then, so this
    /// caps how many are held while they wait to be written); UNAVAILABLE, which exporters retry, when there is no room.
    /// </summary>
    public static async Task<IngestByteBudget.Lease> HoldAsync(IngestByteBudget budget, IMessage request, ServerCallContext context)
    {
        var lease = budget.Open();
        if (!await lease.TryGrowAsync(request.CalculateSize(), context.CancellationToken))
        {
            lease.Dispose();
            throw new RpcException(new Status(StatusCode.Unavailable, "More request data is in flight than Ingest:MaxBytesInFlight allows; retry later."));
        }

        return lease;
    }
}
