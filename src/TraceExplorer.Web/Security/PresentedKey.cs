namespace TraceExplorer.Web.Security;

/// <summary>How a client presents a key, the same for ingest and the API: x-api-key, else Authorization: Bearer.</summary>
public static class PresentedKey
{
    public static string? From(string? apiKey, string? authorization) =>
        !string.IsNullOrEmpty(apiKey) ? apiKey
        : authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim()
        : null;
}
