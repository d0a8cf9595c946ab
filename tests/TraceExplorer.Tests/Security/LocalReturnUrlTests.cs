using TraceExplorer.Web.Security;

namespace TraceExplorer.Tests.Security;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/decisions")]
    [InlineData("/runs?status=error&agent=support-agent")]
    [InlineData("/runs/run-1?step=7#details")]
    [InlineData("/compare?a=policy-2026.11.1&b=policy%2D2026.11.2")]
    public void A_local_path_is_kept(string returnUrl) => Assert.Equal(returnUrl, LocalReturnUrl.Sanitize(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/\u200B/evil.example")]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    public void Anything_that_could_leave_the_site_falls_back_to_home(string? returnUrl) => Assert.Equal("/", LocalReturnUrl.Sanitize(returnUrl));
}
