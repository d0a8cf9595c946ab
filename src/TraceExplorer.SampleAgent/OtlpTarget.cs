namespace TraceExplorer.SampleAgent;

/// <summary>
/// Where the SDK will send, described for the console only. The SDK reads the same variables itself; this merely
/// repeats its defaults so the summary can name the address a user should check.
/// </summary>
internal static class OtlpTarget
{
    public static string Describe()
    {
        var protocol = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL") is { Length: > 0 } set ? set.Trim() : "grpc";
        var endpoint = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (endpoint is { Length: > 0 })
        {
            return $"{endpoint.Trim()} ({protocol})";
        }

        var fallback = protocol == "http/protobuf" ? "http://localhost:4318" : "http://localhost:4317";
        return $"{fallback} ({protocol}, the default; set OTEL_EXPORTER_OTLP_ENDPOINT to change it)";
    }

    public static string ServiceName() =>
        Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } name ? name.Trim() : RunContext.AgentName;
}
