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
            var message = outcome.Message ?? "Retry later.";
            throw new RpcException(new Status(StatusCode.Unavailable, message), RetryInfoTrailers(StatusCode.Unavailable, message, outcome.RetryAfterSeconds));
        }
    }

    /// <summary>
    /// OTLP's throttling signal: a <c>google.rpc.RetryInfo</c> in the status details (the <c>grpc-status-details-bin</c>
    /// trailer, a <c>google.rpc.Status</c>), which exporters read as how long to wait before the retry. Written by hand:
    /// three small messages do not earn a package.
    /// </summary>
    public static Metadata RetryInfoTrailers(StatusCode code, string message, int retryAfterSeconds)
    {
        var delay = new Google.Protobuf.WellKnownTypes.Duration { Seconds = retryAfterSeconds };
        var retryInfo = Encode(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteMessage(delay);
        });
        var detail = new Google.Protobuf.WellKnownTypes.Any { TypeUrl = "type.googleapis.com/google.rpc.RetryInfo", Value = ByteString.CopyFrom(retryInfo) };
        var status = Encode(output =>
        {
            output.WriteTag(1, WireFormat.WireType.Varint);
            output.WriteInt32((int)code);
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteString(message);
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteMessage(detail);
        });
        return new Metadata { { "grpc-status-details-bin", status } };
    }

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
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
            const string message = "More request data is in flight than Ingest:MaxBytesInFlight allows; retry later.";
            throw new RpcException(new Status(StatusCode.Unavailable, message), RetryInfoTrailers(StatusCode.Unavailable, message, 1));
        }

        return lease;
    }
}
