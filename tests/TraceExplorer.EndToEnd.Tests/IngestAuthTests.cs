using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Trace.V1;
using Google.Protobuf;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

public sealed class IngestAuthTests : IAsyncLifetime
{
    private const string Primary = "primary-test-key";
    private const string Secondary = "secondary-test-key";
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync(new Dictionary<string, string>
    {
        ["Ingest__AuthMode"] = "ApiKey",
        ["Ingest__PrimaryApiKey"] = Primary,
        ["Ingest__SecondaryApiKey"] = Secondary,
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Http_without_a_valid_key_is_401_and_stores_nothing()
    {
        var client = new OtlpClient(_app);
        var body = Request(OtlpSpans.Run(301, "run-no-key", steps: 2)).ToByteArray();

        var missing = await client.SendAsync("/v1/traces", body, "application/x-protobuf", gzip: false, apiKey: null);
        var wrong = await client.SendAsync("/v1/traces", body, "application/x-protobuf", gzip: false, apiKey: "not-the-key");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (missing.StatusCode, wrong.StatusCode));
        Assert.Null(await client.RunAsync("run-no-key"));
    }

    [Fact]
    public async Task Http_accepts_either_key_as_x_api_key_or_bearer()
    {
        var client = new OtlpClient(_app);

        var primary = await client.SendAsync("/v1/traces", Request(OtlpSpans.Run(302, "run-primary", 2)).ToByteArray(), "application/x-protobuf", false, apiKey: Primary);
        var secondary = await client.SendAsync("/v1/traces", Request(OtlpSpans.Run(303, "run-secondary", 2)).ToByteArray(), "application/x-protobuf", false, apiKey: null, authorization: "Bearer " + Secondary);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (primary.StatusCode, secondary.StatusCode));
        Assert.NotNull(await client.RunAsync("run-primary"));
        Assert.NotNull(await client.RunAsync("run-secondary"));
    }

    [Fact]
    public async Task Grpc_without_a_key_is_unauthenticated_and_with_one_is_stored()
    {
        using var channel = GrpcChannel.ForAddress(_app.OtlpGrpcAddress);
        var service = new TraceService.TraceServiceClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.ExportAsync(Request(OtlpSpans.Run(304, "run-grpc-no-key", 2))).ResponseAsync);
        await service.ExportAsync(Request(OtlpSpans.Run(305, "run-grpc-key", 2)), new Metadata { { "x-api-key", Primary } });

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var client = new OtlpClient(_app);
        Assert.Null(await client.RunAsync("run-grpc-no-key"));
        Assert.NotNull(await client.RunAsync("run-grpc-key"));
    }
}
