using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// Ports by purpose, over real ports: the OTLP ports answer OTLP and nothing else (not the pages, not the API, not
/// an admin action), and the UI port answers no OTLP. In the default mode and in the README's recipe for remote
/// telemetry (keyed ingest on every interface, the UI unsecured on loopback).
/// </summary>
public sealed class PortPurposeTests
{
    private static readonly string[] UiPaths =
        ["/", "/runs", "/api/runs", "/api/runs/run-ports", "/settings/redaction", "/audit", "/openapi/v1.json", "/login", "/_framework/blazor.web.js", "/css/app.css", "/not-found"];

    [Fact]
    public async Task In_the_default_mode_the_otlp_ports_serve_no_page_and_no_api()
    {
        await using var app = await AppProcess.StartAsync();
        await AssertPortsByPurposeAsync(app, apiKey: null);
    }

    [Fact]
    public async Task With_keyed_ingest_on_every_interface_and_the_ui_unsecured_on_loopback_the_otlp_ports_give_no_admin_access()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Ingest__AuthMode"] = "ApiKey",
            ["Ingest__PrimaryApiKey"] = "ingest-key",
            ["Ingest__HttpUrl"] = $"http://0.0.0.0:{AppProcess.FreePort()}",
            ["Ingest__GrpcUrl"] = $"http://0.0.0.0:{AppProcess.FreePort()}",
        });
        await AssertPortsByPurposeAsync(app, apiKey: "ingest-key");
    }

    private static async Task AssertPortsByPurposeAsync(AppProcess app, string? apiKey)
    {
        // The app listens on 0.0.0.0 in one mode; the tests only ever connect over loopback.
        var otlpHttp = Loopback(app.OtlpHttpAddress);
        var otlpGrpc = Loopback(app.OtlpGrpcAddress);
        using var grpcChannel = GrpcChannel.ForAddress(otlpGrpc);
        var headers = apiKey is null ? new Metadata() : new Metadata { { "x-api-key", apiKey } };
        await new TraceService.TraceServiceClient(grpcChannel).ExportAsync(Request(OtlpSpans.Run(901, "run-ports", steps: 2)), headers);
        var client = new OtlpClient(app);
        Assert.NotNull(await client.RunAsync("run-ports"));

        using var http1 = new HttpClient { BaseAddress = otlpHttp };
        using var h2c = new HttpClient { BaseAddress = otlpGrpc, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        foreach (var path in UiPaths)
        {
            Assert.Equal((path, HttpStatusCode.NotFound), (path, await StatusAsync(http1, HttpMethod.Get, path, apiKey)));
            Assert.Equal((path, HttpStatusCode.NotFound), (path, await StatusAsync(h2c, HttpMethod.Get, path, apiKey)));
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http1, HttpMethod.Delete, "/api/runs/run-ports", apiKey));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(h2c, HttpMethod.Delete, "/api/runs/run-ports", apiKey));
        Assert.NotNull(await client.RunAsync("run-ports"));

        // Exporters that also send metrics get a plain 404, and the gRPC port serves no OTLP/HTTP.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http1, HttpMethod.Post, "/v1/metrics", apiKey));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(h2c, HttpMethod.Post, "/v1/traces", apiKey));

        // The UI port serves no OTLP: neither OTLP/HTTP nor a gRPC export path.
        var onUi = await app.Http.PostAsync("/v1/traces", new ByteArrayContent(Request(OtlpSpans.Run(902, "run-on-ui", steps: 2)).ToByteArray()) { Headers = { { "Content-Type", "application/x-protobuf" } } });
        Assert.Equal(HttpStatusCode.NotFound, onUi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(app.Http, HttpMethod.Post, "/opentelemetry.proto.collector.trace.v1.TraceService/Export", apiKey: null));
        Assert.Null(await client.RunAsync("run-on-ui"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string path, string? apiKey)
    {
        using var request = new HttpRequestMessage(method, path) { Version = client.DefaultRequestVersion, VersionPolicy = client.DefaultVersionPolicy };
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new ByteArrayContent([]) { Headers = { { "Content-Type", "application/x-protobuf" } } };
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static Uri Loopback(Uri address) => new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
}
