using Google.Protobuf;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>OTLP's binary trace and span ids as the lowercase hex everyone reads and searches for.</summary>
public static class OtlpIds
{
    public const int TraceIdBytes = 16;
    public const int SpanIdBytes = 8;

    public static bool IsValidTraceId(ByteString id) => id.Length == TraceIdBytes && !IsAllZero(id);

    public static bool IsValidSpanId(ByteString id) => id.Length == SpanIdBytes && !IsAllZero(id);

    public static string ToHex(ByteString id) => Convert.ToHexStringLower(id.Span);

    public static DateTime ToUtc(ulong unixNanoseconds) => DateTime.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    private static bool IsAllZero(ByteString id)
    {
        foreach (var b in id.Span)
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }
}
