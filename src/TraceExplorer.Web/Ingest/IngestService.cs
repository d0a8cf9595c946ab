using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Web.Ingest;

/// <summary>The one ingest path behind both transports: admit the request, map it, queue it, answer once it is committed.</summary>
public sealed class IngestService(IngestPipeline pipeline, OtlpTraceMapper traceMapper, OtlpLogMapper logMapper, ILogger<IngestService> logger)
{
    public Task<IngestOutcome> ExportTracesAsync(ExportTraceServiceRequest request, CancellationToken cancellationToken) =>
        AdmitThenMapAsync(request.ResourceSpans.Sum(r => r.ScopeSpans.Sum(s => s.Spans.Count)), () => traceMapper.Map(request), cancellationToken);

    public Task<IngestOutcome> ExportLogsAsync(ExportLogsServiceRequest request, CancellationToken cancellationToken) =>
        AdmitThenMapAsync(request.ResourceLogs.Sum(r => r.ScopeLogs.Sum(s => s.LogRecords.Count)), () => logMapper.Map(request), cancellationToken);

    /// <summary>
    /// Admission comes before mapping, which (redaction above all) is most of a request's cost: a request the queue
    /// has no room for is refused at once instead of being mapped first and refused after.
    /// </summary>
    private async Task<IngestOutcome> AdmitThenMapAsync(int items, Func<IngestBatch> map, CancellationToken cancellationToken)
    {
        if (!pipeline.TryAdmit(items, out var retryAfter))
        {
            return Busy(retryAfter);
        }

        // The mapper validates what it reads; should some input still trip it, the sender gets a 400, never a 500.
        IngestBatch batch;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var mapping = TimeSpan.Zero;
        try
        {
            await pipeline.MappingSlots.WaitAsync(cancellationToken);
            try
            {
                started = System.Diagnostics.Stopwatch.GetTimestamp();
                batch = map();
                mapping = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            }
            finally
            {
                pipeline.MappingSlots.Release();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("An export request could not be mapped: {Error}", exception.GetType().Name + ": " + exception.Message);
            return new IngestOutcome(IngestOutcome.Status.Invalid, Message: "The request could not be read as OTLP telemetry.");
        }
        finally
        {
            pipeline.Mapped(items, mapping);
        }

        return await SubmitAsync(batch, cancellationToken);
    }

    /// <summary>A request refused for lack of room: the sender should retry after <paramref name="retryAfter"/>.</summary>
    public static IngestOutcome Busy(TimeSpan retryAfter) =>
        new(IngestOutcome.Status.Busy, Message: $"The ingest queue is full (about {retryAfter.TotalSeconds:0.0} s of work ahead); retry later.")
        {
            RetryAfter = retryAfter,
        };

    private async Task<IngestOutcome> SubmitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Spans.Count == 0 && batch.Decisions.Count == 0)
        {
            return new IngestOutcome(IngestOutcome.Status.Stored, batch.RejectedItems, batch.RejectionMessage);
        }

        if (!pipeline.TryEnqueue(batch, admitted: true, out var committed, out var retryAfter))
        {
            return Busy(retryAfter);
        }

        try
        {
            // If the sender goes away the write still completes; its retry is then stored once.
            await committed.WaitAsync(cancellationToken);
            return new IngestOutcome(IngestOutcome.Status.Stored, batch.RejectedItems, batch.RejectionMessage);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new IngestOutcome(IngestOutcome.Status.Failed, Message: "The data could not be stored; retry later.");
        }
    }
}
