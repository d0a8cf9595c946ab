using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Security;

/// <summary>
/// BrowserToken mode's tokens: the configured ones per role, or one admin token made at start-up (and printed once).
/// </summary>
public sealed class BrowserTokens
{
    private readonly SecretSet<AppRole> _tokens;

    public BrowserTokens(IOptions<FrontendOptions> options)
    {
        var configured = options.Value.BrowserTokens.Select(t => (t.Value, t.Key)).Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToList();
        if (configured.Count == 0 && options.Value.AuthMode == FrontendAuthMode.BrowserToken)
        {
            GeneratedAdminToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            configured.Add((GeneratedAdminToken, AppRole.Admin));
        }

        _tokens = new(configured);
    }

    /// <summary>The token made at start-up when none was configured; printed once, then only its hash is compared.</summary>
    public string? GeneratedAdminToken { get; }

    /// <summary>The highest role the token grants; null when it is not a token.</summary>
    public AppRole? RoleFor(string? token) => _tokens.Match(token).Select(r => (AppRole?)r).Max();
}
