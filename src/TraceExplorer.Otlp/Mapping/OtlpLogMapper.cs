using OpenTelemetry.Proto.Collector.Logs.V1;
using TraceExplorer.Core.Ingest;
using A = TraceExplorer.Core.Conventions.AgentAttributes;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// Log records named agent.decision (event name, or the event.name attribute) become decisions, linked to their step by
/// trace and span id. Other records are accepted and not stored: TraceExplorer keeps traces and decisions, not logs.
/// </summary>
public sealed class OtlpLogMapper(IngestMappingOptions options)
{
    public IngestBatch Map(ExportLogsServiceRequest request)
    {
        var decisions = new List<IngestedDecision>();
        var rejected = 0;
        string? firstProblem = null;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = AttributeMap.ToDictionary(resourceLogs.Resource?.Attributes);
            foreach (var record in resourceLogs.ScopeLogs.SelectMany(s => s.LogRecords))
            {
                var attributes = new AttributeMap(record.Attributes, resource);
                var eventName = record.EventName.Length > 0 ? record.EventName : attributes.String(A.EventName);
                if (eventName != A.DecisionEvent)
                {
                    continue;
                }

                var hasTrace = OtlpIds.IsValidTraceId(record.TraceId);
                var explicitRunId = attributes.String(A.RunId);
                if (explicitRunId is null && !hasTrace)
                {
                    rejected++;
                    firstProblem ??= "a decision record needs agent.run_id or a trace id to belong to a run";
                    continue;
                }

                var traceId = hasTrace ? OtlpIds.ToHex(record.TraceId) : null;
                var spanId = OtlpIds.IsValidSpanId(record.SpanId) ? OtlpIds.ToHex(record.SpanId) : null;
                var nanos = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                if (nanos == 0)
                {
                    rejected++;
                    firstProblem ??= "a decision record needs a time or an observed time";
                    continue;
                }

                var redaction = new SpanRedaction(options.Redactor);
                if (DecisionReader.Read(attributes, explicitRunId ?? traceId!, traceId, spanId, OtlpIds.ToUtc(nanos), options.Limits, redaction) is { } decision)
                {
                    decisions.Add(new IngestedDecision(decision, explicitRunId is not null, redaction.Counts));
                }
                else
                {
                    rejected++;
                    firstProblem ??= "a decision record needs agent.decision.kind: approval, policy_block, routing, fallback or audit";
                }
            }
        }

        var message = rejected == 0 ? null : $"{rejected} log record(s) rejected; the first: {firstProblem}";
        return new IngestBatch([], decisions, rejected, message);
    }
}
