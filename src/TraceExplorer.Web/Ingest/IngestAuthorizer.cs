using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TraceExplorer.Web.Ingest;

/// <summary>Checks a sender's key against the primary and secondary keys, in constant time.</summary>
public sealed class IngestAuthorizer(IOptions<IngestOptions> options)
{
    public const string ApiKeyHeader = "x-api-key";

    private readonly byte[][] _keyHashes = new[] { options.Value.PrimaryApiKey, options.Value.SecondaryApiKey }
        .Where(k => !string.IsNullOrEmpty(k))
        .Select(k => Hash(k!))
        .ToArray();

    /// <param name="apiKey">The x-api-key header.</param>
    /// <param name="authorization">The Authorization header; a Bearer token is taken as the key.</param>
    public bool IsAllowed(string? apiKey, string? authorization)
    {
        if (options.Value.AuthMode == IngestAuthMode.Unsecured)
        {
            return true;
        }

        var presented = !string.IsNullOrEmpty(apiKey) ? apiKey
            : authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim()
            : null;
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Compare fixed-length hashes so neither the key's content nor its length leaks through timing.
        var hash = Hash(presented);
        var allowed = false;
        foreach (var keyHash in _keyHashes)
        {
            allowed |= CryptographicOperations.FixedTimeEquals(hash, keyHash);
        }

        return allowed;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
