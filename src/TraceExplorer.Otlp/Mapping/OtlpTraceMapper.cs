using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Core.Model;
using TraceExplorer.Otlp.Conventions;
using A = TraceExplorer.Core.Conventions.AgentAttributes;

namespace TraceExplorer.Otlp.Mapping;

/// <summary>
/// The one place OTLP spans become runs, steps and decisions (docs/conventions.md). Pure: no I/O, so it is tested
/// span by span and runs on the request thread before anything is queued.
/// </summary>
public sealed class OtlpTraceMapper(IngestMappingOptions options)
{
    private IngestLimits Limits => options.Limits;

    public IngestBatch Map(ExportTraceServiceRequest request)
    {
        var spans = new List<IngestedSpan>();
        var decisions = new List<IngestedDecision>();
        var rejected = 0;
        string? firstProblem = null;
        var json = new JsonScratch();
        var seen = new HashSet<(ByteString TraceId, ByteString SpanId)>();
        var droppedDecisions = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = AttributeMap.ToDictionary(resourceSpans.Resource?.Attributes);
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
            {
                if (SpanValidator.Problem(span) is { } problem)
                {
                    rejected++;
                    firstProblem ??= problem;
                    continue;
                }

                // Of two copies of one span in a request, the first sent is the one stored; the others are duplicates.
                if (!seen.Add((span.TraceId, span.SpanId)))
                {
                    continue;
                }

                var mapped = MapSpan(span, new AttributeMap(span.Attributes, resource), json);
                spans.Add(mapped);
                decisions.AddRange(DecisionsOf(span, mapped));
                droppedDecisions += Math.Max(0, span.Events.Count(e => e.Name == A.DecisionEvent) - Limits.MaxDecisionsPerSpan);
            }
        }

        var resolved = RunIdResolver.ShareWithinTraces(spans, decisions);
        return new IngestBatch(resolved.Spans, resolved.Decisions, rejected, Message(rejected, firstProblem, droppedDecisions));
    }

    private IngestedSpan MapSpan(Span span, AttributeMap attributes, JsonScratch json)
    {
        var facts = ConventionReaders.Read(span, attributes);
        var toolName = attributes.FirstString(A.GenAiToolName, A.OpenInferenceToolName) ?? facts.ToolName;
        var redaction = new SpanRedaction(options.Redactor, toolName);
        var traceId = OtlpIds.ToHex(span.TraceId);
        var explicitRunId = attributes.String(A.RunId);
        var start = OtlpIds.ToUtc(span.StartTimeUnixNano);
        var exception = span.Events.FirstOrDefault(e => e.Name == A.ExceptionEvent);
        var exceptionAttributes = exception is null ? null : new AttributeMap(exception.Attributes);
        var status = span.Status?.Code switch
        {
            Status.Types.StatusCode.Ok => StepStatus.Ok,
            Status.Types.StatusCode.Error => StepStatus.Error,
            _ => StepStatus.Unset,
        };
        // Arguments are hashed after redaction: equal calls still hash alike, and the hash is of what is stored.
        var toolArguments = redaction.Value(attributes.String(A.ToolArguments) ?? facts.ToolArguments);
        redaction.RedactedArguments = toolArguments;

        var openInferenceKind = attributes.String(A.OpenInferenceSpanKind);
        var step = new Step
        {
            TraceId = traceId,
            SpanId = OtlpIds.ToHex(span.SpanId),
            ParentSpanId = span.ParentSpanId.IsEmpty ? null : OtlpIds.ToHex(span.ParentSpanId),
            RunId = explicitRunId ?? traceId,
            StepNumber = (int)Math.Clamp(attributes.Long(A.StepId) ?? 0, 0, int.MaxValue),
            Kind = PlumbingRule.Apply(
                StepKindResolver.Resolve(span.Name, attributes.String(A.GenAiOperationName), openInferenceKind, attributes.String(A.AiOperationId), attributes.String(A.TraceloopSpanKind)),
                span.Name, !span.ParentSpanId.IsEmpty, openInferenceKind),
            Name = Limits.Truncate(span.Name.Length == 0 ? "(unnamed)" : redaction.Text(span.Name)!),
            StartTime = start,
            DurationMs = (span.EndTimeUnixNano - span.StartTimeUnixNano) / 1_000_000.0,
            Status = status,
            ErrorType = Cut(attributes.String(A.ErrorType) ?? exceptionAttributes?.String(A.ExceptionType) ?? (status == StepStatus.Error ? "error" : null)),
            ErrorMessage = Cut(redaction.Text(NullIfEmpty(span.Status?.Message) ?? exceptionAttributes?.String(A.ExceptionMessage))),
            ToolName = Cut(toolName),
            ToolCallId = Cut(attributes.FirstString(A.ToolCallId, A.GenAiToolCallId, A.OpenInferenceToolCallId) ?? facts.ToolCallId),
            ToolArgumentsHash = toolArguments is null ? null : KeyedHash.Content(toolArguments),
            Model = Cut(attributes.FirstString(A.RequestModel, A.ResponseModel, A.LlmModelName) ?? facts.Model),
            Provider = Cut(attributes.FirstString(A.GenAiProvider, A.GenAiSystem, A.LlmProvider, A.LlmSystem) ?? facts.Provider),
            Temperature = attributes.Double(A.Temperature) ?? facts.Temperature,
            MaxTokens = attributes.Long(A.MaxTokens) is { } max and >= 0 and <= int.MaxValue ? (int)max : null,
            InputTokens = attributes.Long(A.InputTokens, A.LlmPromptTokens) ?? facts.InputTokens,
            OutputTokens = attributes.Long(A.OutputTokens, A.LlmCompletionTokens) ?? facts.OutputTokens,
            ValidationSchema = Cut(attributes.String(A.ValidationSchema)),
            ValidationPassed = attributes.Bool(A.ValidationPassed),
            ValidationFailureReason = Cut(redaction.Text(attributes.String(A.ValidationFailureReason))),
            AttributesJson = AttributesJson(DerivedAttributes.With(attributes.Own, facts, Limits), json, redaction),
            EventsJson = EventsJson(span, json, redaction),
        };

        var run = new RunAttributes
        {
            RequestId = Cut(attributes.String(A.RequestId)),
            ParentRunId = Cut(attributes.String(A.ParentRunId)),
            Relation = attributes.String(A.RunRelation)?.ToLowerInvariant() switch
            {
                "retry" => RunRelation.Retry,
                "fork" => RunRelation.Fork,
                "replay" => RunRelation.Replay,
                _ => null,
            },
            AgentName = Cut(attributes.FirstString(A.AgentName, A.GenAiAgentName) ?? facts.AgentName ?? attributes.String(A.ServiceName)),
            Route = Cut(attributes.String(A.Route)),
            PromptVersion = Cut(attributes.String(A.PromptVersion)),
            PolicyVersion = Cut(attributes.String(A.PolicyVersion)),
            ToolContractVersion = Cut(attributes.String(A.ToolContractVersion)),
            RouteConfigVersion = Cut(attributes.String(A.RouteConfigVersion)),
            Input = Cut(redaction.Value(attributes.String(A.Input) ?? facts.Input)),
            Output = Cut(redaction.Value(attributes.String(A.Output) ?? facts.Output)),
            EndUserHash = (attributes.String(A.EndUserId) ?? facts.EndUserId) is { } endUser ? KeyedHash.Compute(options.EndUserHashKey, endUser) : null,
        };

        return new IngestedSpan(step, redaction.Columns(step, run), explicitRunId is not null, Cut(redaction.Text(attributes.String(A.ComplaintId))), redaction.Counts);
    }

    /// <summary>A span's decision events, at most <see cref="IngestLimits.MaxDecisionsPerSpan"/> of them (the first sent).</summary>
    private IEnumerable<IngestedDecision> DecisionsOf(Span span, IngestedSpan mapped)
    {
        foreach (var spanEvent in span.Events.Where(e => e.Name == A.DecisionEvent).Take(Limits.MaxDecisionsPerSpan))
        {
            var attributes = new AttributeMap(spanEvent.Attributes);
            var explicitRunId = attributes.String(A.RunId);
            var time = spanEvent.TimeUnixNano == 0 ? mapped.Step.StartTime : OtlpIds.ToUtc(spanEvent.TimeUnixNano);
            var redaction = new SpanRedaction(options.Redactor);
            if (DecisionReader.Read(attributes, explicitRunId ?? mapped.Step.RunId, mapped.Step.TraceId, mapped.Step.SpanId, time, Limits, redaction) is { } decision)
            {
                yield return new IngestedDecision(decision, explicitRunId is not null || mapped.RunIdExplicit, redaction.Counts);
            }
        }
    }

    private string? AttributesJson(IReadOnlyDictionary<string, AnyValue> attributes, JsonScratch json, SpanRedaction redaction)
    {
        var kept = 0;
        foreach (var key in attributes.Keys)
        {
            kept += A.StoredAsColumns.Contains(key) ? 0 : 1;
        }

        if (kept == 0)
        {
            return null;
        }

        var writer = json.Start();
        writer.WriteStartObject();
        var written = 0;
        var names = new AttributeKeys.Distinct();
        // Reserved first, so no sent key can take the marker's name.
        names.Of(AttributeKeys.TruncationMarker);
        foreach (var (key, value) in attributes)
        {
            if (A.StoredAsColumns.Contains(key) || written++ >= Limits.MaxAttributesPerSpan)
            {
                continue;
            }

            writer.WritePropertyName(names.Of(AttributeKeys.Cut(redaction.Name(AttributeKeys.Own(key)), Limits.MaxKeyLength)));
            AttributeMap.Write(writer, value, Limits, redaction, key);
        }

        if (kept > Limits.MaxAttributesPerSpan)
        {
            writer.WriteString(AttributeKeys.TruncationMarker, $"{kept - Limits.MaxAttributesPerSpan} more attributes were dropped");
        }

        writer.WriteEndObject();
        return json.Finish();
    }

    private string? EventsJson(Span span, JsonScratch json, SpanRedaction redaction)
    {
        if (span.Events.Count == 0)
        {
            return null;
        }

        var writer = json.Start();
        writer.WriteStartArray();
        foreach (var spanEvent in span.Events.Take(Limits.MaxEventsPerSpan))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Limits.Truncate(redaction.Name(spanEvent.Name)));
            writer.WriteString("time", OtlpIds.ToUtc(spanEvent.TimeUnixNano));
            writer.WriteStartObject("attributes");
            // Of keys sent twice the first is kept, as for the span's own attributes.
            var names = new AttributeKeys.Distinct();
            foreach (var (key, value) in AttributeMap.ToDictionary(spanEvent.Attributes).Take(Limits.MaxAttributesPerSpan))
            {
                writer.WritePropertyName(names.Of(AttributeKeys.Cut(redaction.Name(key), Limits.MaxKeyLength)));
                AttributeMap.Write(writer, value, Limits, redaction, key);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return json.Finish();
    }

    /// <summary>What partial_success says: rejected spans, and decision events over the cap (a warning: their spans are stored).</summary>
    private string? Message(int rejected, string? firstProblem, int droppedDecisions)
    {
        var parts = new List<string>(2);
        if (rejected > 0)
        {
            parts.Add($"{rejected} span(s) rejected; the first: {firstProblem}");
        }

        if (droppedDecisions > 0)
        {
            parts.Add($"{droppedDecisions} decision event(s) dropped: at most {Limits.MaxDecisionsPerSpan} are kept per span");
        }

        return parts.Count == 0 ? null : string.Join(". ", parts);
    }

    private string? Cut(string? value) => value is null ? null : Limits.Truncate(value);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
