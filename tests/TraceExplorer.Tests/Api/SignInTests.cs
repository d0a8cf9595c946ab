using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TraceExplorer.Tests.Api;

/// <summary>Sign-in in BrowserToken mode: by the printed link and by the form, returning only to a local page.</summary>
public sealed partial class SignInTests(SignedInAppFactory factory) : IClassFixture<SignedInAppFactory>
{
    [Theory]
    [InlineData("/%09/evil.example/")]
    [InlineData("/%5C/evil.example/")]
    [InlineData("/%0d%0aSet-Cookie:%20x=1")]
    [InlineData("/%E3%80%80/evil.example/")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("//evil.example/")]
    [InlineData("/%00")]
    public async Task A_return_url_that_could_leave_the_site_goes_home_and_never_fails(string returnUrl)
    {
        var client = await factory.BrowserAsync(null);

        using var response = await client.GetAsync($"/login?token={SignedInAppFactory.Token("Viewer")}&returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_form_posts_the_token_and_returns_to_the_page_asked_for()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/login?returnUrl=/decisions");
        var antiforgery = HiddenField().Match(form);
        Assert.True(antiforgery.Success, form);

        using var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = SignedInAppFactory.Token("Engineer"),
            ["returnUrl"] = "/decisions",
            [antiforgery.Groups["name"].Value] = antiforgery.Groups["value"].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/decisions", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/runs?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_signs_nobody_in()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = SignedInAppFactory.Token("Admin") }));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/runs?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_needs_sign_in()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var viewer = await factory.BrowserAsync("Viewer");

        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task The_cookie_is_secure_when_the_app_is_reached_over_https(bool requireHttps, bool secure)
    {
        using var node = factory.WithWebHostBuilder(builder => builder.UseSetting("Frontend:RequireHttps", requireHttps.ToString()));
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signIn = await client.GetAsync($"/login?token={SignedInAppFactory.Token("Viewer")}");

        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("traceexplorer.auth", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex HiddenField();
}
