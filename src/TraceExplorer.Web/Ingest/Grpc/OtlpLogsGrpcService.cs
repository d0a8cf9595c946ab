using Grpc.Core;
using OpenTelemetry.Proto.Collector.Logs.V1;

namespace TraceExplorer.Web.Ingest.Grpc;

/// <summary>OTLP/gRPC log export (decision records): a thin adapter over <see cref="IngestService"/>. Bound by <see cref="OtlpGrpcMethodProvider{TService, TRequest, TResponse}"/>.</summary>
public sealed class OtlpLogsGrpcService(IngestService ingest, IngestAuthorizer authorizer, IngestByteBudget budget)
{
    public async Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        OtlpGrpcStatus.EnsureAllowed(authorizer, context);
        using var held = await OtlpGrpcStatus.HoldAsync(budget, request, context);
        var outcome = await ingest.ExportLogsAsync(request, context.CancellationToken);
        OtlpGrpcStatus.EnsureStored(outcome);
        return outcome.RejectedItems == 0 && outcome.Message is null
            ? new ExportLogsServiceResponse()
            : new ExportLogsServiceResponse { PartialSuccess = new() { RejectedLogRecords = outcome.RejectedItems, ErrorMessage = outcome.Message ?? "" } };
    }
}
