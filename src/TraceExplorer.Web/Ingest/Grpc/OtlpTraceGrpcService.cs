using Grpc.Core;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace TraceExplorer.Web.Ingest.Grpc;

/// <summary>OTLP/gRPC trace export: a thin adapter over <see cref="IngestService"/>. Bound by <see cref="OtlpGrpcMethodProvider{TService, TRequest, TResponse}"/>.</summary>
public sealed class OtlpTraceGrpcService(IngestService ingest, IngestAuthorizer authorizer, IngestByteBudget budget)
{
    public async Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        OtlpGrpcStatus.EnsureAllowed(authorizer, context);
        using var held = await OtlpGrpcStatus.HoldAsync(budget, request, context);
        var outcome = await ingest.ExportTracesAsync(request, context.CancellationToken);
        OtlpGrpcStatus.EnsureStored(outcome);
        return outcome.RejectedItems == 0 && outcome.Message is null
            ? new ExportTraceServiceResponse()
            : new ExportTraceServiceResponse { PartialSuccess = new() { RejectedSpans = outcome.RejectedItems, ErrorMessage = outcome.Message ?? "" } };
    }
}
