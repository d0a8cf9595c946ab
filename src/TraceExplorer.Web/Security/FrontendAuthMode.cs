namespace TraceExplorer.Web.Security;

public enum FrontendAuthMode
{
    /// <summary>Everyone is an admin. Allowed only while the UI listens on loopback; a banner says so.</summary>
    Unsecured,

    /// <summary>Sign-in with the standard OpenID Connect handler; the role comes from a configurable claim.</summary>
    OpenIdConnect,

    /// <summary>For small teams: tokens (configured, or one printed at start-up) exchanged for a cookie at /login?token=….</summary>
    BrowserToken,
}
