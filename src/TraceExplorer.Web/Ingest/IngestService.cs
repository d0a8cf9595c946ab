using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Otlp.Mapping;

namespace TraceExplorer.Web.Ingest;

/// <summary>The one ingest path behind both transports: map the request, queue it, answer once it is committed.</summary>
public sealed class IngestService(IngestPipeline pipeline, OtlpTraceMapper traceMapper, OtlpLogMapper logMapper, ILogger<IngestService> logger)
{
    public Task<IngestOutcome> ExportTracesAsync(ExportTraceServiceRequest request, CancellationToken cancellationToken) =>
        MapThenSubmitAsync(() => traceMapper.Map(request), cancellationToken);

    public Task<IngestOutcome> ExportLogsAsync(ExportLogsServiceRequest request, CancellationToken cancellationToken) =>
        MapThenSubmitAsync(() => logMapper.Map(request), cancellationToken);

    // The mapper validates what it reads; should some input still trip it, the sender gets a 400, never a 500.
    private Task<IngestOutcome> MapThenSubmitAsync(Func<IngestBatch> map, CancellationToken cancellationToken)
    {
        IngestBatch batch;
        try
        {
            batch = map();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("An export request could not be mapped: {Error}", exception.GetType().Name + ": " + exception.Message);
            return Task.FromResult(new IngestOutcome(IngestOutcome.Status.Invalid, Message: "The request could not be read as OTLP telemetry."));
        }

        return SubmitAsync(batch, cancellationToken);
    }

    private async Task<IngestOutcome> SubmitAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Spans.Count == 0 && batch.Decisions.Count == 0)
        {
            return new IngestOutcome(IngestOutcome.Status.Stored, batch.RejectedItems, batch.RejectionMessage);
        }

        if (!pipeline.TryEnqueue(batch, out var committed, out var retryAfter))
        {
            return new IngestOutcome(IngestOutcome.Status.Busy, Message: $"The ingest queue is full (about {retryAfter.TotalSeconds:0.0} s of writing ahead); retry later.")
            {
                RetryAfter = retryAfter,
            };
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
