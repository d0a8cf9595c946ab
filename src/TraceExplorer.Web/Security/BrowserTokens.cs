using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Security;

/// <summary>
/// BrowserToken mode's tokens: the configured ones per role, or one admin token made at start-up (and printed once).
/// Compared as hashes in constant time.
/// </summary>
public sealed class BrowserTokens
{
    private readonly List<(byte[] Hash, AppRole Role)> _tokens;

    public BrowserTokens(IOptions<FrontendOptions> options)
    {
        var configured = options.Value.BrowserTokens.Where(t => !string.IsNullOrWhiteSpace(t.Value)).ToList();
        if (configured.Count == 0 && options.Value.AuthMode == FrontendAuthMode.BrowserToken)
        {
            GeneratedAdminToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            configured.Add(new(AppRole.Admin, GeneratedAdminToken));
        }

        _tokens = configured.Select(t => (Hash(t.Value), t.Key)).ToList();
    }

    /// <summary>The token made at start-up when none was configured; printed once, then only its hash is compared.</summary>
    public string? GeneratedAdminToken { get; }

    public AppRole? RoleFor(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var hash = Hash(token);
        AppRole? role = null;
        foreach (var (known, knownRole) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                role = role is null || knownRole > role ? knownRole : role;
            }
        }

        return role;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
