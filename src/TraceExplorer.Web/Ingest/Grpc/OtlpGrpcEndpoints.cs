using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Http.Features;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Ingest.Grpc;

/// <summary>
/// OTLP/gRPC on its port, with the size limit OTLP/HTTP has (Ingest:MaxRequestBodyBytes): a batch one transport takes,
/// the other takes too. gRPC's own limit answers RESOURCE_EXHAUSTED with a message; Kestrel's request body limit
/// (30,000,000 bytes unless set) is raised on that port to the limit plus one message's frame header, so it never cuts
/// a message gRPC would accept (Kestrel's refusal is a reset, which exporters retry forever).
/// </summary>
public static class OtlpGrpcEndpoints
{
    /// <summary>gRPC's length-prefixed framing: a compressed flag and a four-byte length before each message.</summary>
    private const int FrameHeaderBytes = 5;

    public static IServiceCollection AddOtlpGrpc(this IServiceCollection services, int maxRequestBodyBytes)
    {
        services.AddGrpc(options => options.MaxReceiveMessageSize = maxRequestBodyBytes);
        services.AddSingleton<IServiceMethodProvider<OtlpTraceGrpcService>>(
            new OtlpGrpcMethodProvider<OtlpTraceGrpcService, ExportTraceServiceRequest, ExportTraceServiceResponse>(
                TraceService.Descriptor.FullName, (service, request, context) => service.Export(request, context)));
        services.AddSingleton<IServiceMethodProvider<OtlpLogsGrpcService>>(
            new OtlpGrpcMethodProvider<OtlpLogsGrpcService, ExportLogsServiceRequest, ExportLogsServiceResponse>(
                LogsService.Descriptor.FullName, (service, request, context) => service.Export(request, context)));
        return services;
    }

    public static WebApplication MapOtlpGrpc(this WebApplication app, int maxRequestBodyBytes)
    {
        app.Use((context, next) =>
        {
            if (PortPurposes.PurposeOf(context) == ListenPurpose.OtlpGrpc
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
            {
                sizeLimit.MaxRequestBodySize = (long)maxRequestBodyBytes + FrameHeaderBytes;
            }

            return next(context);
        });
        app.MapGrpcService<OtlpTraceGrpcService>();
        app.MapGrpcService<OtlpLogsGrpcService>();
        return app;
    }
}
