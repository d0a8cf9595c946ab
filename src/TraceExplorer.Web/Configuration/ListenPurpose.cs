namespace TraceExplorer.Web.Configuration;

/// <summary>What a listening address is for. Each address serves its purpose and nothing else.</summary>
public enum ListenPurpose
{
    /// <summary>The pages, the JSON API and sign-in.</summary>
    Ui,

    /// <summary>OTLP/HTTP: POST /v1/traces and /v1/logs.</summary>
    OtlpHttp,

    /// <summary>OTLP/gRPC: the trace and logs export services.</summary>
    OtlpGrpc,

    /// <summary>No port at all: the in-process test host (WebApplicationFactory), which serves everything.</summary>
    InProcess,
}
