using TraceExplorer.Web.Configuration;
using TraceExplorer.Web.Security;

namespace TraceExplorer.Tests.Security;

public sealed class PortPurposesTests
{
    [Theory]
    [InlineData("/v1/traces", true)]
    [InlineData("/v1/logs", true)]
    [InlineData("/V1/Traces", true)]
    [InlineData("/v1/metrics", false)]
    [InlineData("/v1/traces/extra", false)]
    [InlineData("/api/runs", false)]
    [InlineData("/", false)]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceService/Export", false)]
    public void The_otlp_http_port_serves_the_two_export_paths_only(string path, bool served) =>
        Assert.Equal(served, PortPurposes.Serves(ListenPurpose.OtlpHttp, path));

    [Theory]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceService/Export", true)]
    [InlineData("/opentelemetry.proto.collector.logs.v1.LogsService/Export", true)]
    [InlineData("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", false)]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceServiceX/Export", false)]
    [InlineData("/v1/traces", false)]
    [InlineData("/api/runs", false)]
    public void The_otlp_grpc_port_serves_the_two_export_services_only(string path, bool served) =>
        Assert.Equal(served, PortPurposes.Serves(ListenPurpose.OtlpGrpc, path));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/api/runs", true)]
    [InlineData("/settings/redaction", true)]
    [InlineData("/v1/traces", false)]
    [InlineData("/v1/logs", false)]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceService/Export", false)]
    public void The_ui_port_serves_everything_but_otlp(string path, bool served) =>
        Assert.Equal(served, PortPurposes.Serves(ListenPurpose.Ui, path));

    [Theory]
    [InlineData("/v1/traces")]
    [InlineData("/api/runs")]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceService/Export")]
    public void The_in_process_test_host_serves_everything(string path) => Assert.True(PortPurposes.Serves(ListenPurpose.InProcess, path));
}
