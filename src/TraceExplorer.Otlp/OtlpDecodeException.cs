namespace TraceExplorer.Otlp;

/// <summary>A request body that is not the OTLP message it claims to be. The message says why, for the client.</summary>
public sealed class OtlpDecodeException(string message, Exception? inner = null) : Exception(message, inner);
