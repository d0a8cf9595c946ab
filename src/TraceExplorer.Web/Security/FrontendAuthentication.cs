using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using TraceExplorer.Web.Configuration;

namespace TraceExplorer.Web.Security;

/// <summary>
/// Sign-in for the UI and the read API, by <see cref="FrontendOptions.AuthMode"/>. API keys work in every mode. The
/// OTLP ingest endpoints are not behind this: they have their own keys (Ingest:AuthMode).
/// </summary>
public static class FrontendAuthentication
{
    public const string Scheme = "Frontend";

    public static void AddFrontendAuthentication(this WebApplicationBuilder builder, IEnumerable<ListenAddress> uiAddresses)
    {
        var section = builder.Configuration.GetSection(FrontendOptions.SectionName);
        var options = section.Get<FrontendOptions>() ?? new FrontendOptions();
        builder.Services.AddOptions<FrontendOptions>().Bind(section);
        Check(options, uiAddresses);

        var authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "TraceExplorer", policy =>
            {
                policy.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.KeyOf(context.Request) is not null
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : options.AuthMode == FrontendAuthMode.Unsecured ? UnsecuredAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme;
                policy.ForwardChallenge = options.AuthMode == FrontendAuthMode.OpenIdConnect ? OpenIdConnectDefaults.AuthenticationScheme : null;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, UnsecuredAuthenticationHandler>(UnsecuredAuthenticationHandler.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "traceexplorer.auth";
                cookie.Cookie.HttpOnly = true;
                // Strict where the app signs people in itself; Lax with a provider, whose redirect back is cross-site.
                cookie.Cookie.SameSite = options.AuthMode == FrontendAuthMode.OpenIdConnect ? SameSiteMode.Lax : SameSiteMode.Strict;
                // Behind TLS termination the app sees plain HTTP: RequireHttps marks the cookie Secure regardless.
                cookie.Cookie.SecurePolicy = options.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.LoginPath = "/login";
                cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            });

        if (options.AuthMode == FrontendAuthMode.OpenIdConnect)
        {
            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.Authority = options.OpenIdConnect.Authority;
                oidc.ClientId = options.OpenIdConnect.ClientId;
                oidc.ClientSecret = options.OpenIdConnect.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.RequireHttpsMetadata = options.OpenIdConnect.RequireHttpsMetadata;

                // The provider redirects back with a GET (query), so the correlation and nonce cookies can be Lax
                // rather than SameSite=None, which browsers drop on plain HTTP.
                oidc.ResponseMode = "query";
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.MapInboundClaims = false;
                oidc.SaveTokens = false;
                oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oidc.Events.OnRedirectToIdentityProvider = async context =>
                {
                    // An API client cannot follow a sign-in page: it gets a 401 and is told to use a key.
                    if (context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.HandleResponse();
                        await WriteRefusalAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
                    }
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    // The identity provider's role claim becomes the app's role claim; unknown values grant nothing.
                    var identity = (ClaimsIdentity)context.Principal!.Identity!;
                    foreach (var value in identity.FindAll(options.OpenIdConnect.RoleClaim).Select(c => c.Value).ToList())
                    {
                        if (Enum.TryParse<AppRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role))
                        {
                            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
                        }
                    }

                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddSingleton<BrowserTokens>();
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddAuthorizationBuilder().AddAccessPolicies();
        builder.Services.AddCascadingAuthenticationState();
    }

    /// <summary>Unsecured mode is for one machine: start-up refuses it on any other address.</summary>
    public static void Check(FrontendOptions options, IEnumerable<ListenAddress> uiAddresses)
    {
        var exposed = uiAddresses.Where(a => !a.IsLoopback).Select(a => a.Url).ToList();
        if (options.AuthMode == FrontendAuthMode.Unsecured && exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Frontend:AuthMode is Unsecured, which is allowed only while the UI listens on loopback, but it would listen on {string.Join(", ", exposed)}. " +
                "Set Frontend:AuthMode to BrowserToken or OpenIdConnect, or listen on localhost only.");
        }

        if (options.AuthMode == FrontendAuthMode.OpenIdConnect && (string.IsNullOrWhiteSpace(options.OpenIdConnect.Authority) || string.IsNullOrWhiteSpace(options.OpenIdConnect.ClientId)))
        {
            throw new InvalidOperationException("Frontend:AuthMode is OpenIdConnect but Frontend:OpenIdConnect:Authority or ClientId is empty.");
        }
    }

    /// <summary>
    /// <c>/login?token=…</c> (the printed link) or the sign-in form's POST exchanges a browser token for a cookie;
    /// <c>/logout</c> ends the session.
    /// </summary>
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", (HttpContext context, BrowserTokens tokens, IAntiforgery antiforgery, string? token, string? returnUrl) =>
                SignInAsync(context, tokens, antiforgery, token, returnUrl))
            .AllowAnonymous().ExcludeFromDescription();
        // The form's antiforgery token is checked here rather than by the middleware, so a missing one is a plain 400.
        endpoints.MapPost("/login", async (HttpContext context, BrowserTokens tokens, IAntiforgery antiforgery) =>
            {
                if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.Problem(title: "Sign in from the sign-in page.", detail: "The form's antiforgery token is missing or out of date; open /login and try again.", statusCode: StatusCodes.Status400BadRequest);
                }

                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                return await SignInAsync(context, tokens, antiforgery, form["token"].ToString(), form["returnUrl"].ToString());
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        endpoints.MapGet("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, BrowserTokens tokens, IAntiforgery antiforgery, string? token, string? returnUrl)
    {
        var target = LocalReturnUrl.Sanitize(returnUrl);
        if (tokens.RoleFor(token) is { } role)
        {
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccessPolicies.Principal("browser-token " + role.ToString().ToLowerInvariant(), role, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Redirect(target);
        }

        var message = token is null
            ? "Sign in with your token, or the link TraceExplorer printed when it started (…/login?token=…)."
            : "That token is not valid. Use the link TraceExplorer printed when it started, or ask your admin.";
        var form = antiforgery.GetAndStoreTokens(context);
        return Results.Content(SignInPage(message, target, form), "text/html; charset=utf-8",
            statusCode: token is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    /// <summary>API requests get the status code; pages without a session go to sign-in; a page the role may not see says so.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return WriteRefusalAsync(context.HttpContext, status);
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("Your role does not allow this page.");
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A 401 or 403 as problem details; a body also keeps the status-code pages from turning it into a page.</summary>
    public static Task WriteRefusalAsync(HttpContext context, int status) =>
        Results.Problem(
            title: status == StatusCodes.Status401Unauthorized ? "Sign-in required." : "Your role does not allow this.",
            detail: status == StatusCodes.Status401Unauthorized
                ? "Send an API key (x-api-key or Authorization: Bearer) or sign in."
                : "Ask an admin for a role that includes it.",
            statusCode: status).ExecuteAsync(context);

    private static string SignInPage(string message, string returnUrl, AntiforgeryTokenSet form)
    {
        static string Encode(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in · TraceExplorer</title>"
            + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body style=\"font-family:sans-serif;max-width:40rem;margin:4rem auto\">"
            + "<h1>TraceExplorer</h1><p>" + Encode(message) + "</p>"
            + "<form method=\"post\" action=\"/login\"><label for=\"token\">Token</label> "
            + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required autofocus> "
            + "<input type=\"hidden\" name=\"returnUrl\" value=\"" + Encode(returnUrl) + "\">"
            + "<input type=\"hidden\" name=\"" + Encode(form.FormFieldName) + "\" value=\"" + Encode(form.RequestToken) + "\">"
            + "<button type=\"submit\">Sign in</button></form></body></html>";
    }
}
