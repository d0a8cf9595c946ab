using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Security;

/// <summary>API clients: a key in x-api-key or Authorization: Bearer, acting with the role configured for it.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? KeyOf(HttpRequest request) =>
        PresentedKey.From(request.Headers["x-api-key"].FirstOrDefault(), request.Headers.Authorization.FirstOrDefault());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        FrontendAuthentication.WriteRefusalAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        FrontendAuthentication.WriteRefusalAsync(Context, StatusCodes.Status403Forbidden);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyOf(Request) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(keys.RoleFor(presented) is { } role
            ? AuthenticateResult.Success(new AuthenticationTicket(AccessPolicies.Principal("api-key", role, SchemeName), SchemeName))
            : AuthenticateResult.Fail("The API key is not valid."));
    }
}
