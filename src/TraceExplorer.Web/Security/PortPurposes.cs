using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Diagnostics;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Security;

/// <summary>
/// Ports by purpose: an OTLP port answers OTLP and nothing else, and a UI port answers no OTLP. Without this every
/// route answered on every port, so whoever could reach the ingest port could read, and delete, every run.
/// </summary>
public static class PortPurposes
{
    private static readonly object Key = typeof(ListenPurpose);

    private static readonly string[] OtlpHttpPaths = ["/v1/traces", "/v1/logs"];

    private static readonly string[] OtlpGrpcServices = ["/" + TraceService.Descriptor.FullName, "/" + LogsService.Descriptor.FullName];

    public static void Tag(IDictionary<object, object?> connectionItems, ListenPurpose purpose) => connectionItems[Key] = purpose;

    /// <summary>
    /// The purpose of the address the request came in on. Kestrel tags every connection it accepts; a connection
    /// with no tag came through an address not bound by this app, and serves nothing. A request with no connection
    /// at all comes from the in-process test host, which has no ports to tell apart: it is served as every purpose.
    /// </summary>
    public static ListenPurpose? PurposeOf(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items is { } items
            ? items.TryGetValue(Key, out var purpose) ? (ListenPurpose?)purpose : null
            : ListenPurpose.InProcess;

    /// <summary>Whether <paramref name="path"/> may be served on an address of <paramref name="purpose"/>.</summary>
    public static bool Serves(ListenPurpose purpose, PathString path) => purpose switch
    {
        ListenPurpose.OtlpHttp => IsOtlpHttp(path),
        ListenPurpose.OtlpGrpc => IsOtlpGrpc(path),
        ListenPurpose.InProcess => true,
        _ => !IsOtlpHttp(path) && !IsOtlpGrpc(path),
    };

    /// <summary>Placed after the status-code pages, so that an OTLP port never renders the UI's not-found page.</summary>
    public static IApplicationBuilder UsePortPurposes(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var purpose = PurposeOf(context);
        if (purpose is not (ListenPurpose.Ui or ListenPurpose.InProcess) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        if (purpose is { } known && Serves(known, context.Request.Path))
        {
            await next(context);
            return;
        }

        // A plain answer that tells a misdirected exporter, or a browser on the wrong port, where to go instead.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(purpose switch
        {
            ListenPurpose.Ui => "Not found. OTLP is accepted on its own ports (Ingest:HttpUrl and Ingest:GrpcUrl, by default 4318 and 4317), not on the UI's.",
            null => "Not found.",
            _ => "Not found. This port accepts OpenTelemetry (OTLP) only: POST /v1/traces and /v1/logs over HTTP, or the trace and logs services over gRPC.",
        });
    });

    private static bool IsOtlpHttp(PathString path) => OtlpHttpPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static bool IsOtlpGrpc(PathString path) => OtlpGrpcServices.Any(s => path.StartsWithSegments(s, StringComparison.Ordinal));
}
