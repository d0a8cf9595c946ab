using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Security;

/// <summary>API clients: a key in x-api-key or Authorization: Bearer, acting with the role configured for it.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<FrontendOptions> frontend)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static string? PresentedKey(HttpRequest request) =>
        request.Headers["x-api-key"].FirstOrDefault() is { Length: > 0 } key ? key
        : request.Headers.Authorization.FirstOrDefault() is { } authorization && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim()
        : null;

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        FrontendAuthentication.WriteRefusalAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        FrontendAuthentication.WriteRefusalAsync(Context, StatusCodes.Status403Forbidden);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Fixed-length hashes compared in constant time: neither a key's content nor its length leaks through timing.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        AppRole? role = null;
        foreach (var key in frontend.Value.ApiKeys.Where(k => k.Key.Length > 0))
        {
            if (CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))))
            {
                role = role is null || key.Role > role ? key.Role : role;
            }
        }

        return Task.FromResult(role is { } found
            ? AuthenticateResult.Success(new AuthenticationTicket(AccessPolicies.Principal("api-key", found, SchemeName), SchemeName))
            : AuthenticateResult.Fail("The API key is not valid."));
    }
}
