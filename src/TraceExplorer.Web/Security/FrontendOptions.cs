namespace TraceExplorer.Web.Security;

/// <summary>The <c>Frontend</c> section: how people and API clients sign in to the UI and the read API.</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Frontend";

    public FrontendAuthMode AuthMode { get; set; } = FrontendAuthMode.Unsecured;

    /// <summary>BrowserToken mode: a token per role. With none, an admin token is made at start-up and printed once.</summary>
    public Dictionary<AppRole, string> BrowserTokens { get; set; } = [];

    /// <summary>API keys for the read API and actions, each with the role it acts as (x-api-key or Authorization: Bearer).</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();

    /// <summary>The app is reached over HTTPS (also behind a proxy that terminates TLS): the sign-in cookie is always Secure.</summary>
    public bool RequireHttps { get; set; }
}

public sealed class ApiKeyOptions
{
    public string Key { get; set; } = "";

    public AppRole Role { get; set; } = AppRole.Viewer;
}

public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim whose values name the user's roles (viewer, engineer, admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Off only for a provider on loopback in development or tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
