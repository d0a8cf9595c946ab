using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Tests.Api;

public sealed class HardeningTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/api/runs")]
    [InlineData("/runs")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_api_refuses_a_client_over_its_limit_with_a_429_and_retry_after()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:ApiPerMinute", "3"));
        var client = limited.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/runs?pageSize=1")).EnsureSuccessStatusCode();
        }

        using var refused = await client.GetAsync("/api/runs?pageSize=1");
        using var page = await client.GetAsync("/runs");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many requests.", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // the UI is not limited
    }

    [Fact]
    public async Task An_unhandled_error_is_problem_details_without_the_exception_or_its_stack()
    {
        using var failing = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpoint>()));

        using var response = await failing.CreateClient().GetAsync("/__fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":500", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    /// <summary>A request path that throws, appended after the app's own pipeline so that its error handling applies.</summary>
    private sealed class ThrowingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Secret = "connection string with a password";

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/__fail", branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }

    [Theory]
    [InlineData("/api/runs", "application/json", "api")]
    [InlineData("/v1/traces", "application/x-protobuf", "ingest")]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceService/Export", "application/grpc", "ingest")]
    [InlineData("/_blazor", null, "")]
    public void Requests_count_against_the_limit_of_their_area(string path, string? contentType, string area)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = path;
        context.Request.ContentType = contentType;

        Assert.Equal(area, RateLimiting.Area(context.Request));
    }
}
