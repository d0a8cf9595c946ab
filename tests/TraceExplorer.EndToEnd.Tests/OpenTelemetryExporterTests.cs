using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TraceExplorer.EndToEnd.Tests;

/// <summary>The OpenTelemetry .NET SDK's own OTLP exporter, as any instrumented agent uses it, over both protocols.</summary>
public sealed class OpenTelemetryExporterTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Spans_from_the_sdk_exporter_become_a_run(OtlpExportProtocol protocol)
    {
        var runId = $"run-sdk-{protocol}".ToLowerInvariant();
        var sourceName = $"TraceExplorer.Tests.{protocol}";
        using var source = new ActivitySource(sourceName);
        var endpoint = protocol == OtlpExportProtocol.Grpc ? fixture.App.OtlpGrpcAddress : new Uri(fixture.App.OtlpHttpAddress, "/v1/traces");
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddSource(sourceName)
            .ConfigureResource(r => r.AddService("sdk-agent"))
            .AddOtlpExporter(o => { o.Endpoint = endpoint; o.Protocol = protocol; })
            .Build())
        {
            using (var root = source.StartActivity("invoke_agent sdk-agent")!)
            {
                root.SetTag("agent.run_id", runId).SetTag("agent.prompt_version", "sdk-prompt-1").SetTag("gen_ai.operation.name", "invoke_agent");
                using (var model = source.StartActivity("chat gpt-4o")!)
                {
                    model.SetTag("agent.run_id", runId).SetTag("gen_ai.operation.name", "chat").SetTag("gen_ai.request.model", "gpt-4o")
                        .SetTag("gen_ai.usage.input_tokens", 120).SetTag("gen_ai.usage.output_tokens", 40);
                }

                using (var tool = source.StartActivity("execute_tool orders.lookup")!)
                {
                    tool.SetTag("agent.run_id", runId).SetTag("gen_ai.operation.name", "execute_tool").SetTag("gen_ai.tool.name", "orders.lookup");
                    tool.SetStatus(ActivityStatusCode.Error, "timed out");
                }
            }

            Assert.True(provider.ForceFlush(10_000));
        }

        var run = (await new OtlpClient(fixture.App).RunAsync(runId))!.Value;
        Assert.Equal(3, run.GetProperty("stepCount").GetInt32());
        Assert.Equal(1, run.GetProperty("toolCallCount").GetInt32());
        Assert.Equal(1, run.GetProperty("errorCount").GetInt32());
        Assert.Equal(160, run.GetProperty("inputTokens").GetInt64() + run.GetProperty("outputTokens").GetInt64());
        Assert.Equal("sdk-agent", run.GetProperty("agentName").GetString());
        Assert.Equal("gpt-4o", run.GetProperty("models").GetString());
        Assert.Equal("sdk-prompt-1", run.GetProperty("versions").GetProperty("promptVersion").GetString());
    }
}
