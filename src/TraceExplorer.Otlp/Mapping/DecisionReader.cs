using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;
using TraceExplorer.Otlp.Conventions;
using A = TraceExplorer.Core.Conventions.AgentAttributes;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>Reads the agent.decision.* attributes shared by decision log records and decision span events.</summary>
internal static class DecisionReader
{
    /// <returns>The decision, or null when the kind is missing or unknown (then it is no decision).</returns>
    public static Decision? Read(AttributeMap attributes, string runId, string? traceId, string? spanId, DateTime time, IngestLimits limits, SpanRedaction redaction)
    {
        if (DecisionKindParser.Parse(attributes.String(A.DecisionKind)) is not { } kind)
        {
            return null;
        }

        string? Text(string key) => attributes.String(key) is { } value ? limits.Truncate(redaction.Text(value)!) : null;
        var decision = new Decision
        {
            // Redacted like the step's run id column, so an id holding personal data still links the two.
            RunId = redaction.Text(runId)!,
            TraceId = traceId,
            SpanId = spanId,
            Time = time,
            Kind = kind,
            Outcome = Text(A.DecisionOutcome),
            Reason = Text(A.DecisionReason),
            PolicyId = Text(A.DecisionPolicyId),
            Actor = Text(A.DecisionActor),
            Target = Text(A.DecisionTarget),
        };
        decision.Fingerprint = DecisionFingerprint.Of(decision);
        return decision;
    }
}
