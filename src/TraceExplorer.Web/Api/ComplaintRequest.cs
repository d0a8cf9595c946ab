namespace TraceExplorer.Web.Api;

/// <param name="ExternalId">The complaint's id in the system it came from (ticket, feedback id).</param>
/// <param name="Text">What the user said; redacted before it is stored.</param>
public sealed record ComplaintRequest(string? ExternalId, string? Text);
