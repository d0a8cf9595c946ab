using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using TraceExplorer.Testing;

namespace TraceExplorer.Tests.Api;

/// <summary>The app in BrowserToken mode, with a token and an API key per role.</summary>
public sealed class SignedInAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly string[] Roles = ["Viewer", "Engineer", "Admin"];

    public TestStore Store { get; private set; } = null!;

    public string RunId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync();
        await Store.SeedDemoAsync(40);
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        RunId = await db.Runs.OrderBy(r => r.RunId).Select(r => r.RunId).FirstAsync(r => db.Runs.Any(x => x.RunId == r && x.Input != null));
    }

    public static string Token(string role) => "token-for-" + role.ToLowerInvariant();

    public static string ApiKey(string role) => "key-for-" + role.ToLowerInvariant();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Store.AppSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("DemoData:SeedOnEmptyStore", "false");
        builder.UseSetting("Ingest:EndUserHashKey", "access-tests");
        builder.UseSetting("Frontend:AuthMode", "BrowserToken");
        for (var i = 0; i < Roles.Length; i++)
        {
            builder.UseSetting($"Frontend:BrowserTokens:{Roles[i]}", Token(Roles[i]));
            builder.UseSetting($"Frontend:ApiKeys:{i}:Key", ApiKey(Roles[i]));
            builder.UseSetting($"Frontend:ApiKeys:{i}:Role", Roles[i]);
        }

        builder.UseEnvironment("Production");
    }

    /// <summary>A client signed in with the role's browser token (a cookie), or anonymous for null.</summary>
    public async Task<HttpClient> BrowserAsync(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is not null)
        {
            using var login = await client.GetAsync($"/login?token={Token(role)}");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Store.DisposeAsync();
    }
}

/// <summary>Every page and API against every role, enforced on the server.</summary>
public sealed class AccessControlTests(SignedInAppFactory factory) : IClassFixture<SignedInAppFactory>
{
    private const int Anonymous = 0;
    private const int Viewer = 1;
    private const int Engineer = 2;
    private const int Admin = 3;

    public static TheoryData<string, string, int> Routes() => new()
    {
        // Pages
        { "GET", "/", Viewer },
        { "GET", "/runs", Viewer },
        { "GET", "/runs/{run}", Viewer },
        { "GET", "/lookup?id={run}", Viewer },
        { "GET", "/compare", Viewer },
        { "GET", "/compare/timeline", Viewer },
        { "GET", "/analytics/slow-steps", Viewer },
        { "GET", "/analytics/repeated-tools", Viewer },
        { "GET", "/analytics/validation", Viewer },
        { "GET", "/analytics/complaints", Viewer },
        { "GET", "/reports/latency", Viewer },
        { "GET", "/decisions", Viewer },
        { "GET", "/explain", Viewer },
        { "GET", "/compare/runs?a={run}&b={run}", Engineer },
        { "GET", "/settings/redaction", Admin },
        { "GET", "/audit", Admin },
        { "GET", "/openapi/v1.json", Viewer },
        // API
        { "GET", "/api/runs", Viewer },
        { "GET", "/api/runs/{run}", Viewer },
        { "GET", "/api/runs/{run}/steps", Viewer },
        { "GET", "/api/runs/{run}/decisions", Viewer },
        { "GET", "/api/compare?dimension=time&window=all", Viewer },
        { "GET", "/api/compare/timeline", Viewer },
        { "GET", "/api/analytics/slow-steps", Viewer },
        { "GET", "/api/analytics/repeated-tools", Viewer },
        { "GET", "/api/analytics/validation-failures", Viewer },
        { "GET", "/api/analytics/complaints", Viewer },
        { "GET", "/api/reports/latency", Viewer },
        { "GET", "/api/decisions", Viewer },
        { "GET", "/api/explain?status=error", Viewer },
        { "GET", "/api/runs/{run}/replay", Engineer },
        { "GET", "/api/compare/runs?a={run}&b={run}", Engineer },
        { "POST", "/api/runs/no-such-run/complaints", Engineer },
        { "POST", "/api/replay/no-such-run/tools/kb.search", Engineer },
        { "DELETE", "/api/runs/no-such-run", Admin },
        { "DELETE", "/api/endusers/nobody", Admin },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_role_reaches_exactly_what_it_may(string method, string path, int least)
    {
        path = path.Replace("{run}", factory.RunId, StringComparison.Ordinal);
        string?[] roles = [null, "Viewer", "Engineer", "Admin"];
        for (var level = Anonymous; level <= Admin; level++)
        {
            var browser = await factory.BrowserAsync(roles[level]);
            using var viaCookie = await SendAsync(browser, method, path);
            var keyClient = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (roles[level] is { } role)
            {
                keyClient.DefaultRequestHeaders.Add("x-api-key", SignedInAppFactory.ApiKey(role));
            }

            using var viaKey = await SendAsync(keyClient, method, path);
            foreach (var response in new[] { viaCookie, viaKey })
            {
                var status = (int)response.StatusCode;
                var because = $"{method} {path} as {roles[level] ?? "anonymous"}";
                if (level >= least)
                {
                    Assert.True(status is 200 or 404 or 400, $"{because}: {status}");
                }
                else if (level == Anonymous)
                {
                    Assert.True(path.StartsWith("/api", StringComparison.Ordinal) ? status == 401 : status == 302 && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal), $"{because}: {status}");
                }
                else
                {
                    Assert.True(status == 403, $"{because}: {status}");
                }
            }
        }
    }

    [Fact]
    public async Task A_viewer_gets_the_run_without_its_payloads_and_an_engineer_with_them()
    {
        var viewer = await factory.BrowserAsync("Viewer");
        var engineer = await factory.BrowserAsync("Engineer");
        using var complaint = await engineer.PostAsync($"/api/runs/{factory.RunId}/complaints",
            new StringContent("{\"externalId\":\"t-77\",\"text\":\"The refund never arrived\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);

        using var asViewer = JsonDocument.Parse(await viewer.GetStringAsync($"/api/runs/{factory.RunId}"));
        using var asEngineer = JsonDocument.Parse(await engineer.GetStringAsync($"/api/runs/{factory.RunId}"));
        using var viewerSteps = JsonDocument.Parse(await viewer.GetStringAsync($"/api/runs/{factory.RunId}/steps"));

        Assert.Equal(JsonValueKind.Null, asViewer.RootElement.GetProperty("input").ValueKind);
        Assert.Null(Assert.Single(asViewer.RootElement.GetProperty("complaints").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("The refund never arrived", Assert.Single(asEngineer.RootElement.GetProperty("complaints").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.String, asEngineer.RootElement.GetProperty("input").ValueKind);
        Assert.All(viewerSteps.RootElement.EnumerateArray(), step => Assert.Equal(JsonValueKind.Null, step.GetProperty("attributes").ValueKind));
    }

    [Fact]
    public async Task A_viewer_cannot_probe_hidden_text_through_search_or_filters()
    {
        var viewer = await factory.BrowserAsync("Viewer");
        var engineer = await factory.BrowserAsync("Engineer");
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var input = (await db.Runs.AsNoTracking().Where(r => r.RunId == factory.RunId).Select(r => r.Input).FirstAsync())!;
        // A word of the input that is no agent, route, version or model name.
        var guess = input.Split([' ', ',', '.', '"', ':', '{', '}'], StringSplitOptions.RemoveEmptyEntries).First(w => w.Length >= 5 && w.All(char.IsLetter));

        using var asViewer = JsonDocument.Parse(await viewer.GetStringAsync($"/api/runs?q={Uri.EscapeDataString(guess)}"));
        using var asEngineer = JsonDocument.Parse(await engineer.GetStringAsync($"/api/runs?q={Uri.EscapeDataString(guess)}"));
        using var byName = JsonDocument.Parse(await viewer.GetStringAsync("/api/runs?q=support"));
        using var byId = JsonDocument.Parse(await viewer.GetStringAsync($"/api/runs?q={factory.RunId}"));

        Assert.Equal(0, asViewer.RootElement.GetProperty("totalCount").GetInt32());
        Assert.True(asEngineer.RootElement.GetProperty("totalCount").GetInt32() >= 1);
        Assert.True(byName.RootElement.GetProperty("totalCount").GetInt32() >= 1);
        Assert.Equal(1, byId.RootElement.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_viewer_sees_no_validation_failure_reason_anywhere()
    {
        var viewer = await factory.BrowserAsync("Viewer");
        var engineer = await factory.BrowserAsync("Engineer");
        await using var db = await factory.Store.ContextFactory.CreateDbContextAsync();
        var failed = await db.Steps.AsNoTracking().Where(s => s.ValidationFailureReason != null).OrderBy(s => s.Id).FirstAsync();

        var viewerSteps = await viewer.GetStringAsync($"/api/runs/{failed.RunId}/steps");
        var engineerSteps = await engineer.GetStringAsync($"/api/runs/{failed.RunId}/steps");
        var viewerReport = await viewer.GetStringAsync("/api/analytics/validation-failures?from=2000-01-01T00:00:00Z");
        var viewerCsv = await viewer.GetStringAsync("/api/analytics/validation-failures?from=2000-01-01T00:00:00Z&format=csv");
        var engineerReport = await engineer.GetStringAsync("/api/analytics/validation-failures?from=2000-01-01T00:00:00Z");

        Assert.Contains(failed.ValidationFailureReason!, engineerSteps, StringComparison.Ordinal);
        Assert.Contains(JsonEncodedText.Encode(failed.ValidationFailureReason!).ToString(), engineerReport, StringComparison.Ordinal);
        foreach (var text in new[] { viewerSteps, viewerReport, viewerCsv })
        {
            Assert.DoesNotContain(failed.ValidationFailureReason!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonEncodedText.Encode(failed.ValidationFailureReason!).ToString(), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_token_or_key_signs_nobody_in()
    {
        var client = await factory.BrowserAsync(null);
        using var login = await client.GetAsync("/login?token=guess");
        var keyClient = factory.CreateClient();
        keyClient.DefaultRequestHeaders.Add("x-api-key", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyClient.GetAsync("/api/runs")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_a_local_page()
    {
        var client = await factory.BrowserAsync(null);

        using var local = await client.GetAsync($"/login?token={SignedInAppFactory.Token("Viewer")}&returnUrl=/decisions");
        using var elsewhere = await client.GetAsync($"/login?token={SignedInAppFactory.Token("Viewer")}&returnUrl=//evil.example/");

        Assert.Equal("/decisions", local.Headers.Location!.ToString());
        Assert.Equal("/", elsewhere.Headers.Location!.ToString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"externalId\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
