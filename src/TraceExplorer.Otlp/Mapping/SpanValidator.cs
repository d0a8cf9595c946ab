using OpenTelemetry.Proto.Trace.V1;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>Why a span cannot be stored, or null when it can. Each bad span is rejected alone; the rest of its batch is kept.</summary>
public static class SpanValidator
{
    public static string? Problem(Span span)
    {
        if (!OtlpIds.IsValidTraceId(span.TraceId))
        {
            return $"span '{span.Name}': trace id must be 16 bytes and not all zero (got {span.TraceId.Length} bytes)";
        }

        if (!OtlpIds.IsValidSpanId(span.SpanId))
        {
            return $"span '{span.Name}': span id must be 8 bytes and not all zero (got {span.SpanId.Length} bytes)";
        }

        if (!span.ParentSpanId.IsEmpty && !OtlpIds.IsValidSpanId(span.ParentSpanId))
        {
            return $"span {OtlpIds.ToHex(span.SpanId)}: parent span id must be empty or 8 bytes and not all zero";
        }

        if (span.ParentSpanId == span.SpanId)
        {
            return $"span {OtlpIds.ToHex(span.SpanId)}: a span cannot be its own parent";
        }

        if (span.StartTimeUnixNano == 0)
        {
            return $"span {OtlpIds.ToHex(span.SpanId)}: has no start time";
        }

        if (span.EndTimeUnixNano < span.StartTimeUnixNano)
        {
            return $"span {OtlpIds.ToHex(span.SpanId)}: ends before it starts";
        }

        return null;
    }
}
