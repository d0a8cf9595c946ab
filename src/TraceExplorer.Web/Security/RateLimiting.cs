using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Security;

/// <summary>
/// Per-client fixed windows: one for the JSON API, one for OTLP ingest (HTTP and gRPC). The UI's circuit and static
/// files are not limited. A refused request is a 429 with Retry-After and problem details.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddTraceExplorerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitSettings>().Bind(configuration.GetSection(RateLimitSettings.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return Area(context.Request) switch
                {
                    "api" => Window("api:" + client, settings.ApiPerMinute),
                    "ingest" => Window("ingest:" + client, settings.IngestPerMinute),
                    _ => RateLimitPartition.GetNoLimiter("ui"),
                };
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    title: "Too many requests.",
                    detail: $"This client sent more requests than the limit allows; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Which limit a request counts against: "api", "ingest", or "" for none.</summary>
    public static string Area(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return "api";
        }

        var grpc = request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        return grpc || path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase) ? "ingest" : "";
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
