namespace TraceExplorer.Web.Security;

/// <summary>
/// The headers every response carries. The page renders agent data, which is untrusted: the policy lets only the
/// app's own scripts run (no inline script, no eval), so text that slipped into markup still could not execute.
/// </summary>
public static class SecurityHeaders
{
    /// <remarks>
    /// Styles allow inline: MudBlazor and Plotly set style attributes as they render. Images allow data: for Plotly's
    /// exports. connect-src 'self' covers the Blazor circuit's WebSocket on the same origin.
    /// </remarks>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        await next();
    });
}
