using System.Security.Cryptography;
using System.Text;

namespace TraceExplorer.Web.Security;

/// <summary>
/// Secrets (API keys, browser tokens), each granting something, checked the one safe way: the presented secret's
/// SHA-256 against every known hash with a fixed-time comparison, so neither content nor length leaks through timing.
/// </summary>
public sealed class SecretSet<TGrant>(IEnumerable<(string Secret, TGrant Grants)> secrets)
{
    private readonly List<(byte[] Hash, TGrant Grants)> _secrets = secrets
        .Where(s => !string.IsNullOrEmpty(s.Secret))
        .Select(s => (Hash(s.Secret), s.Grants))
        .ToList();

    /// <summary>What the presented secret grants: empty when it matches none (or is empty).</summary>
    public IReadOnlyList<TGrant> Match(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return [];
        }

        var hash = Hash(presented);
        var grants = new List<TGrant>();
        foreach (var (known, grant) in _secrets)
        {
            // Every hash is compared, matched or not, so the time taken does not tell which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                grants.Add(grant);
            }
        }

        return grants;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
