using Google.Protobuf;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Otlp;

namespace TraceExplorer.Web.Ingest.Http;

/// <summary>OTLP/HTTP: POST /v1/traces and /v1/logs, protobuf or JSON, optionally gzip. A thin adapter over <see cref="IngestService"/>.</summary>
public static class OtlpHttpEndpoints
{
    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints, int maxRequestBodyBytes)
    {
        var otlp = endpoints.MapGroup("/v1").WithTags("OTLP ingest").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxRequestBodyBytes));
        otlp.MapPost("/traces", (HttpContext context, IngestService ingest, IngestAuthorizer authorizer) =>
                HandleAsync<ExportTraceServiceRequest>(context, authorizer, maxRequestBodyBytes, async (request, ct) =>
                {
                    var outcome = await ingest.ExportTracesAsync(request, ct);
                    var response = new ExportTraceServiceResponse();
                    if (outcome.RejectedItems > 0 || outcome.Message is not null)
                    {
                        response.PartialSuccess = new ExportTracePartialSuccess { RejectedSpans = outcome.RejectedItems, ErrorMessage = outcome.Message ?? "" };
                    }

                    return (outcome, response);
                }))
            .WithSummary("OTLP/HTTP trace export.");
        otlp.MapPost("/logs", (HttpContext context, IngestService ingest, IngestAuthorizer authorizer) =>
                HandleAsync<ExportLogsServiceRequest>(context, authorizer, maxRequestBodyBytes, async (request, ct) =>
                {
                    var outcome = await ingest.ExportLogsAsync(request, ct);
                    var response = new ExportLogsServiceResponse();
                    if (outcome.RejectedItems > 0 || outcome.Message is not null)
                    {
                        response.PartialSuccess = new ExportLogsPartialSuccess { RejectedLogRecords = outcome.RejectedItems, ErrorMessage = outcome.Message ?? "" };
                    }

                    return (outcome, response);
                }))
            .WithSummary("OTLP/HTTP log export; agent.decision records become decisions.");
        return endpoints;
    }

    private static async Task HandleAsync<TRequest>(
        HttpContext context,
        IngestAuthorizer authorizer,
        int maxRequestBodyBytes,
        Func<TRequest, CancellationToken, Task<(IngestOutcome Outcome, IMessage Response)>> export)
        where TRequest : IMessage<TRequest>, new()
    {
        var request = context.Request;
        var encoding = OtlpPayload.EncodingOf(request.ContentType);
        if (encoding is not { } bodyEncoding)
        {
            await OtlpHttpResponses.WriteStatusAsync(context, StatusCodes.Status415UnsupportedMediaType, OtlpEncoding.Json,
                $"Content-Type '{request.ContentType}' is not supported; use {OtlpPayload.ProtobufContentType} or {OtlpPayload.JsonContentType}.");
            return;
        }

        if (!authorizer.IsAllowed(request.Headers[IngestAuthorizer.ApiKeyHeader], request.Headers.Authorization))
        {
            await OtlpHttpResponses.WriteStatusAsync(context, StatusCodes.Status401Unauthorized, bodyEncoding,
                "A valid API key is required in the x-api-key header or as Authorization: Bearer.");
            return;
        }

        // Refused anyway: answered before the body is read, so a flood costs no memory and no decoding.
        if (context.RequestServices.GetRequiredService<IngestPipeline>().IsOverCapacity(out var workAhead))
        {
            var busy = IngestService.Busy(workAhead);
            context.Response.Headers.RetryAfter = busy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await OtlpHttpResponses.WriteStatusAsync(context, StatusCodes.Status503ServiceUnavailable, bodyEncoding, busy.Message!);
            return;
        }

        // The body's bytes stay counted against the budget until the request is answered.
        using var held = context.RequestServices.GetRequiredService<IngestByteBudget>().Open();
        var body = await OtlpBodyReader.ReadAsync(request, maxRequestBodyBytes, held, context.RequestAborted);
        if (body.Error is { } error)
        {
            if (error.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await OtlpHttpResponses.WriteStatusAsync(context, error.StatusCode, bodyEncoding, error.Message);
            return;
        }

        TRequest message;
        try
        {
            message = OtlpPayload.Decode<TRequest>(body.Content, bodyEncoding);
        }
        catch (OtlpDecodeException exception)
        {
            await OtlpHttpResponses.WriteStatusAsync(context, StatusCodes.Status400BadRequest, bodyEncoding, exception.Message);
            return;
        }

        var (outcome, response) = await export(message, context.RequestAborted);
        if (outcome.Result == IngestOutcome.Status.Invalid)
        {
            await OtlpHttpResponses.WriteStatusAsync(context, StatusCodes.Status400BadRequest, bodyEncoding, outcome.Message ?? "Invalid request.");
            return;
        }

        if (outcome.Result != IngestOutcome.Status.Stored)
        {
            // Retryable: nothing was stored, and the sender's retry will be stored once.
            context.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await OtlpHttpResponses.WriteStatusAsync(context, StatusCodes.Status503ServiceUnavailable, bodyEncoding, outcome.Message ?? "Retry later.");
            return;
        }

        await OtlpHttpResponses.WriteAsync(context, StatusCodes.Status200OK, bodyEncoding, response);
    }
}
