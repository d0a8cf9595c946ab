using Microsoft.Playwright;
using TraceExplorer.Testing;
using static Microsoft.Playwright.Assertions;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Agent data is untrusted: script in span names, attribute keys and values, tool arguments and decision reasons
/// shows as text on every page that renders it, in a real browser, and never runs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class XssTests(AppFixture app)
{
    private const string ScriptTag = "<script>window.__xss=1</script>";
    private const string ImageTag = "<img src=x onerror=\"window.__xss=1;alert(1)\">";
    private const string PlotlyLink = "<a href=\"javascript:alert(1)\">click</a>";

    [Fact]
    public async Task Markup_in_agent_data_renders_as_text_and_never_runs()
    {
        var runId = "run-xss-" + Guid.NewGuid().ToString("N")[..8];
        var trace = OtlpSpans.TraceHex(9001);
        var root = OtlpSpans.SpanHex(9_001_000);
        var tool = OtlpSpans.SpanHex(9_001_001);
        var toolSpan = OtlpSpans.Span(trace, tool, root, ImageTag, 10, 20,
            ("agent.run_id", runId), ("gen_ai.tool.name", PlotlyLink), ("gen_ai.tool.call.arguments", "{\"q\":\"" + ScriptTag.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}"),
            (ImageTag, ScriptTag));
        toolSpan.Events.Add(OtlpSpans.Event("agent.decision", 15,
            ("agent.decision.kind", "policy_block"), ("agent.decision.reason", ImageTag), ("agent.decision.policy_id", ScriptTag), ("agent.decision.actor", PlotlyLink)));
        var spans = new[]
        {
            // No version attributes: the store is shared, and a new version value would change other tests' comparisons.
            OtlpSpans.Span(trace, root, null, ScriptTag, 0, 40, ("agent.run_id", runId), ("agent.name", "xss-agent"), ("agent.route", ImageTag)),
            toolSpan,
        };
        using var response = await new OtlpClient(app.App).SendProtobufAsync(OtlpSpans.Request(spans));
        response.EnsureSuccessStatusCode();

        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        await page.OpenRunAsync($"/runs/{runId}?step=2");
        await Expect(page.GetByTestId("step-details")).ToContainTextAsync(ImageTag);
        await Expect(page.Locator(".wf-row").First).ToContainTextAsync(ScriptTag);
        await Expect(page.GetByText(ScriptTag).First).ToBeVisibleAsync();
        await Expect(page.Locator(".ds-item").First).ToContainTextAsync(ImageTag);

        await page.GotoAsync($"/decisions?runId={runId}");
        await Expect(page.GetByTestId("decisions")).ToContainTextAsync(ImageTag);

        await page.GotoAsync($"/analytics/slow-steps?range=all&agent=xss-agent");
        await Expect(page.GetByTestId("slow-steps")).ToContainTextAsync(PlotlyLink);
        await Expect(page.Locator("[data-testid='p95-chart'] .main-svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='p95-chart'] a")).ToHaveCountAsync(0); // Plotly drew the label as text, not a link

        await page.GotoAsync($"/runs?q={runId}");
        await Expect(page.Locator("tbody")).ToContainTextAsync("xss-agent");

        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
    }

    [Fact]
    public async Task Every_page_carries_a_content_security_policy_without_inline_script()
    {
        using var response = await app.Http.GetAsync("/runs");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }
}
