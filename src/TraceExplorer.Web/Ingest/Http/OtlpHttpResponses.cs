using Google.Protobuf;
using TraceExplorer.Otlp;

namespace TraceExplorer.Web.Ingest.Http;

/// <summary>OTLP/HTTP answers: the export response, or a google.rpc.Status in the request's encoding.</summary>
internal static class OtlpHttpResponses
{
    public static Task WriteStatusAsync(HttpContext context, int statusCode, OtlpEncoding encoding, string message) =>
        WriteAsync(context, statusCode, encoding, new Google.Rpc.Status { Code = GrpcCodeOf(statusCode), Message = message });

    public static async Task WriteAsync(HttpContext context, int statusCode, OtlpEncoding encoding, IMessage message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = OtlpPayload.ContentTypeOf(encoding);
        await context.Response.Body.WriteAsync(OtlpPayload.Encode(message, encoding), context.RequestAborted);
    }

    private static int GrpcCodeOf(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status400BadRequest => 3, // INVALID_ARGUMENT
        StatusCodes.Status401Unauthorized => 16, // UNAUTHENTICATED
        StatusCodes.Status413PayloadTooLarge => 8, // RESOURCE_EXHAUSTED
        StatusCodes.Status415UnsupportedMediaType => 3,
        StatusCodes.Status503ServiceUnavailable => 14, // UNAVAILABLE
        _ => 2, // UNKNOWN
    };
}
