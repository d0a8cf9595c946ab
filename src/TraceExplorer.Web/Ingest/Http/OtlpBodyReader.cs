using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace TraceExplorer.Web.Ingest.Http;

/// <summary>
/// Reads a request body, gunzipping it when sent with Content-Encoding: gzip, and stops as soon as it passes the limit,
/// so neither a large body nor a gzip bomb can exhaust memory. Every byte held counts against the app's
/// <see cref="IngestByteBudget"/> as it arrives, so many bodies at once, or bodies trickling in, cannot either.
/// </summary>
internal static class OtlpBodyReader
{
    /// <param name="RetryAfterSeconds">Set when the sender should retry later (a 503).</param>
    public sealed record BodyError(int StatusCode, string Message, int? RetryAfterSeconds = null);

    public sealed record Body(ReadOnlyMemory<byte> Content, BodyError? Error);

    public static async Task<Body> ReadAsync(HttpRequest request, int maxBytes, IngestByteBudget.Lease lease, CancellationToken cancellationToken)
    {
        var contentEncoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        if (contentEncoding is not ("" or "identity" or "gzip"))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{contentEncoding}' is not supported; use gzip or none.");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // The compressed body is bounded too; the endpoint's size limit metadata sets the same figure.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
        {
            sizeLimit.MaxRequestBodySize = maxBytes;
        }

        await using var source = contentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var input = source ?? request.Body;
        // A body of known length is held in one buffer of that length, taken from the budget before it is read.
        var expected = source is null && request.ContentLength is { } length ? (int)length : 0;
        if (expected > 0 && !await lease.TryGrowAsync(expected, cancellationToken))
        {
            return Busy();
        }

        using var buffer = new MemoryStream(expected);
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return TooLarge(maxBytes);
                }

                if (buffer.Length + read > lease.Bytes && !await lease.TryGrowAsync(buffer.Length + read - lease.Bytes, cancellationToken))
                {
                    return Busy();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return Fail(StatusCodes.Status400BadRequest, "The body is not valid gzip.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }
        catch (BadHttpRequestException exception)
        {
            // A body that stalls below Kestrel's minimum data rate (408) or ends before its Content-Length (400) is
            // answered here, with OTLP's status body, instead of reaching the exception handler.
            return Fail(exception.StatusCode, "The body could not be read: " + exception.Message);
        }

        return new Body(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    private static Body Busy() => new(ReadOnlyMemory<byte>.Empty, new BodyError(StatusCodes.Status503ServiceUnavailable,
        "More request data is in flight than Ingest:MaxBytesInFlight allows; retry later.", RetryAfterSeconds: 1));

    private static Body TooLarge(int maxBytes) =>
        Fail(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {maxBytes:N0} bytes after decompression.");

    private static Body Fail(int statusCode, string message) => new(ReadOnlyMemory<byte>.Empty, new BodyError(statusCode, message));
}
