using System.Globalization;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Core.Runs;

/// <summary>What makes two decision records the same decision: exporters retry, and a retried record must not count twice.</summary>
public static class DecisionFingerprint
{
    /// <remarks>The run id is left out: it may be resolved later, and the trace and span already place the decision.</remarks>
    public static string Of(Decision decision) => KeyedHash.Content(string.Join('\u001f',
        decision.TraceId ?? decision.RunId,
        decision.SpanId,
        decision.Time.Ticks.ToString(CultureInfo.InvariantCulture),
        decision.Kind.ToString(),
        decision.Outcome,
        decision.Reason,
        decision.PolicyId,
        decision.Actor,
        decision.Target), hexLength: 32);
}
