using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Testing;

namespace TraceExplorer.Benchmarks;

/// <summary>
/// Spans shaped like a support agent's on an OpenTelemetry SDK: runs of 6 to 12 spans (a model call, tool calls with
/// JSON arguments, a final answer) whose inputs and tool arguments carry e-mail addresses, phone numbers and API keys
/// for redaction to find, in end order (children before their root), every span distinct.
/// </summary>
internal static class RealisticRuns
{
    /// <summary>The spans of one run, numbered <paramref name="run"/> (unique across the whole benchmark).</summary>
    public static IEnumerable<Span> Run(long run, string prefix, DateTime start)
    {
        var steps = 6 + (int)(run % 7);
        var trace = (run + 1).ToString("x32");
        var runId = $"{prefix}-{run}";
        var root = ((run + 1) * 16).ToString("x16");
        var startMs = (start - OtlpSpans.Epoch).TotalMilliseconds;
        var customer = $"customer{run % 9973}@example.com";
        var phone = $"+1 415 555 {run % 10000:D4}";
        for (var i = 1; i < steps; i++)
        {
            var spanId = (((run + 1) * 16) + i).ToString("x16");
            var at = startMs + (40 * i);
            yield return (i % 3) switch
            {
                1 => OtlpSpans.Span(trace, spanId, root, "chat gpt-4o-mini", at, 35,
                    ("agent.run_id", runId), ("gen_ai.operation.name", "chat"), ("gen_ai.request.model", "gpt-4o-mini"),
                    ("gen_ai.usage.input_tokens", 900L + (run % 300)), ("gen_ai.usage.output_tokens", 120L + i),
                    ("gen_ai.input.messages", $$"""[{"role":"user","parts":[{"type":"text","content":"Hi, I am {{customer}}, call me on {{phone}}: order A-{{run}} never arrived."}]}]""")),
                2 => OtlpSpans.Span(trace, spanId, root, "execute_tool lookup_order", at, 30,
                    ("agent.run_id", runId), ("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", "lookup_order"),
                    ("gen_ai.tool.call.id", $"call_{run}_{i}"),
                    ("gen_ai.tool.call.arguments", $$"""{"order_id":"A-{{run}}","email":"{{customer}}","api_key":"sk-live-{{run:x12}}a9f3c2d1e0b8"}""")),
                _ => OtlpSpans.Span(trace, spanId, root, "execute_tool send_email", at, 30,
                    ("agent.run_id", runId), ("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", "send_email"),
                    ("gen_ai.tool.call.id", $"call_{run}_{i}"),
                    ("gen_ai.tool.call.arguments", $$"""{"to":"{{customer}}","phone":"{{phone}}","body":"Your refund for A-{{run}} is on its way."}""")),
            };
        }

        yield return OtlpSpans.Span(trace, root, null, "invoke_agent support-agent", startMs, (40 * steps) + 10,
            ("agent.run_id", runId), ("agent.name", "support-agent"), ("agent.prompt_version", "support-v3"),
            ("gen_ai.operation.name", "invoke_agent"), ("enduser.id", customer),
            ("gen_ai.input.messages", $$"""[{"role":"user","parts":[{"type":"text","content":"Refund order A-{{run}} for {{customer}} ({{phone}})"}]}]"""));
    }
}
