using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TraceExplorer.Tests.Api;

/// <summary>UI nodes sharing DataProtection:KeysDirectory accept each other's sign-in cookies; nodes with their own keys do not.</summary>
public sealed class SharedKeysTests(SignedInAppFactory factory) : IClassFixture<SignedInAppFactory>, IDisposable
{
    private readonly string _shared = Directory.CreateTempSubdirectory("traceexplorer-keys-").FullName;
    private readonly string _other = Directory.CreateTempSubdirectory("traceexplorer-keys-").FullName;

    [Fact]
    public async Task A_cookie_from_one_node_signs_in_on_another_node_with_the_same_keys_only()
    {
        await using var first = Node(_shared);
        await using var second = Node(_shared);
        await using var stranger = Node(_other);
        using var signIn = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await signIn.GetAsync($"/login?token={SignedInAppFactory.Token("Viewer")}");
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(stranger, cookie));
    }

    public void Dispose()
    {
        Directory.Delete(_shared, recursive: true);
        Directory.Delete(_other, recursive: true);
    }

    private WebApplicationFactory<Program> Node(string keys) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("DataProtection:KeysDirectory", keys));

    private static async Task<HttpStatusCode> StatusAsync(WebApplicationFactory<Program> node, string cookie)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs?pageSize=1");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
