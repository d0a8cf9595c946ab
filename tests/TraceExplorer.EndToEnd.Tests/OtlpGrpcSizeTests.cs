using System.Net;
using Grpc.Net.Client;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>
/// With the default limit (64 MiB), a batch above Kestrel's own default body limit (30,000,000 bytes) is taken by gRPC
/// as it is by HTTP. Its own app, as the shared ingest fixture runs with a 1 MiB limit.
/// </summary>
public sealed class OtlpGrpcSizeTests : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() => _app = await AppProcess.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_40_MB_batch_is_accepted_over_grpc_and_over_http()
    {
        // The bulk sits in a resource attribute, which is read by key and never stored, so the test is cheap to map.
        var padding = ("padding", (object)new string('x', 40_000_000));
        var client = new OtlpClient(_app);
        using var channel = GrpcChannel.ForAddress(_app.OtlpGrpcAddress);

        var grpcRequest = Request(OtlpSpans.Run(301, "run-grpc-40mb", steps: 2), padding);
        Assert.True(grpcRequest.CalculateSize() > 30_000_000);
        var response = await new TraceService.TraceServiceClient(channel).ExportAsync(grpcRequest);
        var http = await client.SendProtobufAsync(Request(OtlpSpans.Run(302, "run-http-40mb", steps: 2), padding));

        Assert.Null(response.PartialSuccess);
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.Equal(2, (await client.RunAsync("run-grpc-40mb"))!.Value.GetProperty("stepCount").GetInt32());
        Assert.Equal(2, (await client.RunAsync("run-http-40mb"))!.Value.GetProperty("stepCount").GetInt32());
    }
}
