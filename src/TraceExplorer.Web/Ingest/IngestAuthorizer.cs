using Microsoft.Extensions.Options;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Web.Ingest;

/// <summary>Checks a sender's key against the primary and secondary keys, in constant time.</summary>
public sealed class IngestAuthorizer(IOptions<IngestOptions> options)
{
    public const string ApiKeyHeader = "x-api-key";

    private readonly SecretSet<bool> _keys = new(new[] { options.Value.PrimaryApiKey, options.Value.SecondaryApiKey }
        .Select(key => (key ?? "", true)));

    /// <param name="apiKey">The x-api-key header.</param>
    /// <param name="authorization">The Authorization header; a Bearer token is taken as the key.</param>
    public bool IsAllowed(string? apiKey, string? authorization) =>
        options.Value.AuthMode == IngestAuthMode.Unsecured || _keys.Match(PresentedKey.From(apiKey, authorization)).Count > 0;
}
