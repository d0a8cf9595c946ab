namespace TraceExplorer.Core.Model;

/// <summary>Mirrors the OpenTelemetry span status codes.</summary>
public enum StepStatus
{
    Unset,
    Ok,
    Error,
}
