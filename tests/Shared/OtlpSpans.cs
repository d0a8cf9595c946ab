using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace TraceExplorer.Testing;

/// <summary>Builds OTLP messages as an instrumented agent would send them.</summary>
public static class OtlpSpans
{
    public static readonly DateTime Epoch = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    public static ByteString Id(string hex) => ByteString.CopyFrom(Convert.FromHexString(hex));

    /// <summary>A deterministic trace id (32 hex) from a number.</summary>
    public static string TraceHex(int n) => n.ToString("x32");

    /// <summary>A deterministic span id (16 hex) from a number.</summary>
    public static string SpanHex(int n) => (n + 1).ToString("x16");

    public static ulong Nanos(DateTime utc) => (ulong)(utc - DateTime.UnixEpoch).Ticks * 100;

    public static Span Span(string traceHex, string spanHex, string? parentHex, string name, double startMs, double durationMs, params (string Key, object Value)[] attributes)
    {
        var start = Epoch.AddMilliseconds(startMs);
        var span = new Span
        {
            TraceId = Id(traceHex),
            SpanId = Id(spanHex),
            Name = name,
            StartTimeUnixNano = Nanos(start),
            EndTimeUnixNano = Nanos(start.AddMilliseconds(durationMs)),
        };
        if (parentHex is not null)
        {
            span.ParentSpanId = Id(parentHex);
        }

        span.Attributes.AddRange(attributes.Select(a => Attribute(a.Key, a.Value)));
        return span;
    }

    public static Span.Types.Event Event(string name, double atMs, params (string Key, object Value)[] attributes)
    {
        var spanEvent = new Span.Types.Event { Name = name, TimeUnixNano = Nanos(Epoch.AddMilliseconds(atMs)) };
        spanEvent.Attributes.AddRange(attributes.Select(a => Attribute(a.Key, a.Value)));
        return spanEvent;
    }

    public static KeyValue Attribute(string key, object value) => new() { Key = key, Value = Value(value) };

    public static AnyValue Value(object value) => value switch
    {
        string s => new AnyValue { StringValue = s },
        bool b => new AnyValue { BoolValue = b },
        int i => new AnyValue { IntValue = i },
        long l => new AnyValue { IntValue = l },
        double d => new AnyValue { DoubleValue = d },
        string[] items => new AnyValue { ArrayValue = new ArrayValue { Values = { items.Select(i => new AnyValue { StringValue = i }) } } },
        _ => throw new ArgumentException($"Unsupported attribute value {value.GetType()}"),
    };

    public static ExportTraceServiceRequest Request(IEnumerable<Span> spans, params (string Key, object Value)[] resourceAttributes)
    {
        var resource = new Resource();
        resource.Attributes.AddRange(resourceAttributes.Select(a => Attribute(a.Key, a.Value)));
        var scope = new ScopeSpans();
        scope.Spans.AddRange(spans);
        return new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { Resource = resource, ScopeSpans = { scope } } } };
    }

    /// <summary>A run of <paramref name="steps"/> spans: a root and its children, each carrying agent.run_id.</summary>
    public static List<Span> Run(int traceNumber, string runId, int steps, double startMs = 0)
    {
        var trace = TraceHex(traceNumber);
        var root = SpanHex(traceNumber * 1000);
        var spans = new List<Span>
        {
            Span(trace, root, null, "invoke_agent test-agent", startMs, 10 * steps + 10, ("agent.run_id", runId), ("agent.name", "test-agent")),
        };
        for (var i = 1; i < steps; i++)
        {
            spans.Add(Span(trace, SpanHex((traceNumber * 1000) + i), root, "agent.tool", startMs + (10 * i), 8,
                ("agent.run_id", runId), ("gen_ai.tool.name", $"tool-{i % 3}"), ("gen_ai.tool.call.id", $"call_{runId}_{i}")));
        }

        return spans;
    }
}
