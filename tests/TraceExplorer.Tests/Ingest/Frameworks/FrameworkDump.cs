using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace TraceExplorer.Tests.Ingest.Frameworks;

/// <summary>
/// Turns a wire dump of a real framework (tests/FrameworkSenders/dumps, written by capture-server.mjs) back into the
/// OTLP request it was, so the mapping is tested against what the libraries really send.
/// </summary>
internal static class FrameworkDump
{
    public static ExportTraceServiceRequest Load(string stack)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DumpFolder(), stack + ".json")));
        var root = document.RootElement;
        var resource = new Resource();
        foreach (var property in root.GetProperty("resources")[0].EnumerateObject())
        {
            resource.Attributes.Add(new KeyValue { Key = property.Name, Value = Value(property.Value) });
        }

        var scope = new ScopeSpans();
        foreach (var item in root.GetProperty("spans").EnumerateArray())
        {
            var span = new Span
            {
                Name = item.GetProperty("name").GetString(),
                TraceId = Hex(item.GetProperty("traceId").GetString()!),
                SpanId = Hex(item.GetProperty("spanId").GetString()!),
                ParentSpanId = item.GetProperty("parentSpanId").GetString() is { } parent ? Hex(parent) : ByteString.Empty,
                StartTimeUnixNano = Nanos(item.GetProperty("start")),
                EndTimeUnixNano = Nanos(item.GetProperty("end")),
                Status = new Status
                {
                    Code = item.GetProperty("status").GetProperty("code").GetString() == "ERROR" ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset,
                    Message = item.GetProperty("status").TryGetProperty("message", out var message) ? message.GetString() : "",
                },
            };
            foreach (var property in item.GetProperty("attributes").EnumerateObject())
            {
                span.Attributes.Add(new KeyValue { Key = property.Name, Value = Value(property.Value) });
            }

            foreach (var spanEvent in item.GetProperty("events").EnumerateArray())
            {
                var mapped = new Span.Types.Event { Name = spanEvent.GetProperty("name").GetString(), TimeUnixNano = Nanos(spanEvent.GetProperty("time")) };
                foreach (var property in spanEvent.GetProperty("attributes").EnumerateObject())
                {
                    mapped.Attributes.Add(new KeyValue { Key = property.Name, Value = Value(property.Value) });
                }

                span.Events.Add(mapped);
            }

            scope.Spans.Add(span);
        }

        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    public static string DumpFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FrameworkSenders", "dumps");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/FrameworkSenders/dumps not found above " + AppContext.BaseDirectory);
    }

    private static AnyValue Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new AnyValue { StringValue = value.GetString() },
        JsonValueKind.True or JsonValueKind.False => new AnyValue { BoolValue = value.GetBoolean() },
        JsonValueKind.Number when value.TryGetInt64(out var whole) => new AnyValue { IntValue = whole },
        JsonValueKind.Number => new AnyValue { DoubleValue = value.GetDouble() },
        JsonValueKind.Array => Array(value),
        _ => new AnyValue { StringValue = value.GetRawText() },
    };

    private static AnyValue Array(JsonElement value)
    {
        var array = new ArrayValue();
        array.Values.AddRange(value.EnumerateArray().Select(Value));
        return new AnyValue { ArrayValue = array };
    }

    private static ulong Nanos(JsonElement time) =>
        (ulong)(DateTime.Parse(time.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) - DateTime.UnixEpoch).Ticks * 100;

    private static ByteString Hex(string hex) => ByteString.CopyFrom(Convert.FromHexString(hex));
}
