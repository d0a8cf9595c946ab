using TraceExplorer.Core.Ingest;

namespace TraceExplorer.Storage.Ingest;

/// <summary>Which run a trace or a span already belongs to in the store, asked once per trace within a write.</summary>
internal sealed class RunLookup(IIngestSession session)
{
    private readonly Dictionary<string, string?> _runOfTrace = new(StringComparer.Ordinal);

    /// <summary>The run a trace's stored steps belong to, when it is not the trace's own default run.</summary>
    public string? RunOfTrace(string traceId)
    {
        if (!_runOfTrace.TryGetValue(traceId, out var runId))
        {
            runId = session.RunOfTrace(traceId);
            _runOfTrace[traceId] = runId;
        }

        return runId;
    }

    /// <summary>The run of a span, from this write's spans or from the store.</summary>
    public string? RunOfSpan(string? traceId, string? spanId, IReadOnlyList<IngestedSpan> pending)
    {
        if (traceId is null || spanId is null)
        {
            return null;
        }

        return pending.FirstOrDefault(s => s.Step.SpanId == spanId && s.Step.TraceId == traceId) is { } span
            ? span.Step.RunId
            : session.RunOfStoredSpan(traceId, spanId);
    }
}
