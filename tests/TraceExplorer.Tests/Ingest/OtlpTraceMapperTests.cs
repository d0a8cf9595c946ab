using System.Text.Json;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Model;
using TraceExplorer.Otlp.Mapping;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.Tests.Ingest;

public sealed class OtlpTraceMapperTests
{
    private static readonly OtlpTraceMapper Mapper = new(new IngestMappingOptions { EndUserHashKey = "test-key", Limits = new IngestLimits { MaxValueLength = 64, MaxAttributesPerSpan = 5 } });
    private static readonly string Trace = TraceHex(7);

    [Fact]
    public void Run_attributes_come_from_the_span_or_its_resource()
    {
        var batch = Mapper.Map(Request(
            [Span(Trace, SpanHex(1), null, "agent.plan", 0, 12, ("agent.run_id", "run-a"), ("agent.prompt_version", "p2"), ("enduser.id", "customer-9"), ("agent.run.relation", "Retry"), ("agent.parent_run_id", "run-0"))],
            ("service.name", "svc"), ("agent.route", "primary"), ("agent.prompt_version", "p1"), ("agent.request_id", "req-1")));

        var span = Assert.Single(batch.Spans);
        Assert.True(span.RunIdExplicit);
        Assert.Equal("run-a", span.Step.RunId);
        Assert.Equal("p2", span.Run.PromptVersion);
        Assert.Equal("primary", span.Run.Route);
        Assert.Equal("req-1", span.Run.RequestId);
        Assert.Equal("svc", span.Run.AgentName);
        Assert.Equal(RunRelation.Retry, span.Run.Relation);
        Assert.Equal("run-0", span.Run.ParentRunId);
        Assert.Equal(KeyedHash.Compute("test-key", "customer-9"), span.Run.EndUserHash);
        Assert.DoesNotContain("customer-9", span.Step.AttributesJson);
    }

    [Fact]
    public void Without_a_run_id_the_run_is_the_trace_unless_another_span_of_the_trace_names_one()
    {
        var other = TraceHex(8);
        var batch = Mapper.Map(Request(
        [
            Span(Trace, SpanHex(2), SpanHex(1), "agent.tool", 5, 3),
            Span(Trace, SpanHex(1), null, "agent.plan", 0, 12, ("agent.run_id", "run-a")),
            Span(other, SpanHex(3), null, "agent.plan", 0, 12),
        ]));

        Assert.Equal(["run-a", "run-a", other], batch.Spans.Select(s => s.Step.RunId));
        Assert.Equal([true, true, false], batch.Spans.Select(s => s.RunIdExplicit));
    }

    [Fact]
    public void Tool_model_and_validation_attributes_become_columns()
    {
        var batch = Mapper.Map(Request(
        [
            Span(Trace, SpanHex(1), null, "execute_tool", 0, 40,
                ("gen_ai.operation.name", "execute_tool"), ("tool.name", "orders.lookup"), ("tool_call.id", "call_1"),
                ("gen_ai.tool.call.arguments", "{\"order\":1}"), ("gen_ai.tool.call.result", "{\"ok\":true}")),
            Span(Trace, SpanHex(2), null, "llm", 0, 40,
                ("openinference.span.kind", "LLM"), ("llm.model_name", "claude"), ("llm.provider", "anthropic"),
                ("llm.token_count.prompt", 120), ("llm.token_count.completion", 30), ("gen_ai.request.temperature", 0.2), ("gen_ai.request.max_tokens", 512L)),
            Span(Trace, SpanHex(3), null, "agent.validate", 0, 4,
                ("agent.validation.schema", "reply@v1"), ("agent.validation.passed", "false"), ("agent.validation.failure_reason", "missing order_id"), ("agent.step_id", 7)),
        ]));

        var (tool, model, validate) = (batch.Spans[0].Step, batch.Spans[1].Step, batch.Spans[2].Step);
        Assert.Equal((StepKind.Tool, "orders.lookup", "call_1", KeyedHash.Content("{\"order\":1}")), (tool.Kind, tool.ToolName, tool.ToolCallId, tool.ToolArgumentsHash));
        Assert.Equal("{\"ok\":true}", JsonDocument.Parse(tool.AttributesJson!).RootElement.GetProperty("gen_ai.tool.call.result").GetString());
        Assert.Equal((StepKind.Model, "claude", "anthropic", 120L, 30L, 0.2, 512), (model.Kind, model.Model, model.Provider, model.InputTokens, model.OutputTokens, model.Temperature, model.MaxTokens));
        Assert.Equal((StepKind.Validate, "reply@v1", false, "missing order_id", 7), (validate.Kind, validate.ValidationSchema, validate.ValidationPassed, validate.ValidationFailureReason, validate.StepNumber));
    }

    [Fact]
    public void Errors_come_from_the_status_error_type_and_exception_events()
    {
        var failed = Span(Trace, SpanHex(1), null, "agent.tool", 0, 30_000);
        failed.Status = new Status { Code = Status.Types.StatusCode.Error };
        failed.Events.Add(Event("exception", 30_000, ("exception.type", "TimeoutException"), ("exception.message", "timed out after 30 s")));
        var typed = Span(Trace, SpanHex(2), null, "agent.tool", 0, 10, ("error.type", "policy_blocked"));
        typed.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "blocked by pii-egress" };

        var batch = Mapper.Map(Request([failed, typed]));

        Assert.Equal((StepStatus.Error, "TimeoutException", "timed out after 30 s"), (batch.Spans[0].Step.Status, batch.Spans[0].Step.ErrorType, batch.Spans[0].Step.ErrorMessage));
        Assert.Equal((StepStatus.Error, "policy_blocked", "blocked by pii-egress"), (batch.Spans[1].Step.Status, batch.Spans[1].Step.ErrorType, batch.Spans[1].Step.ErrorMessage));
        Assert.Equal("exception", JsonDocument.Parse(batch.Spans[0].Step.EventsJson!).RootElement[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Decision_span_events_become_decisions_of_the_span()
    {
        var span = Span(Trace, SpanHex(1), null, "agent.tool", 0, 10, ("agent.run_id", "run-d"));
        span.Events.Add(Event("agent.decision", 2, ("agent.decision.kind", "policy_block"), ("agent.decision.outcome", "blocked"),
            ("agent.decision.reason", "pii"), ("agent.decision.policy_id", "pii-egress"), ("agent.decision.actor", "engine"), ("agent.decision.target", "email.send")));
        span.Events.Add(Event("agent.decision", 3, ("agent.decision.kind", "not-a-kind")));

        var decision = Assert.Single(Mapper.Map(Request([span])).Decisions).Decision;

        Assert.Equal(("run-d", Trace, SpanHex(1), DecisionKind.PolicyBlock, "blocked", "pii", "pii-egress", "engine", "email.send"),
            (decision.RunId, decision.TraceId, decision.SpanId, decision.Kind, decision.Outcome, decision.Reason, decision.PolicyId, decision.Actor, decision.Target));
        Assert.Equal(Epoch.AddMilliseconds(2), decision.Time);
        Assert.NotNull(decision.Fingerprint);
    }

    [Fact]
    public void Invalid_spans_are_rejected_one_by_one_with_a_message()
    {
        var good = Span(Trace, SpanHex(1), null, "ok", 0, 5);
        var zeroTrace = Span(new string('0', 32), SpanHex(2), null, "zero", 0, 5);
        var shortSpan = Span(Trace, "abcd", null, "short", 0, 5);
        var ownParent = Span(Trace, SpanHex(4), SpanHex(4), "loop", 0, 5);
        var backwards = Span(Trace, SpanHex(5), null, "backwards", 10, 5);
        backwards.EndTimeUnixNano = backwards.StartTimeUnixNano - 1;

        var batch = Mapper.Map(Request([good, zeroTrace, shortSpan, ownParent, backwards]));

        Assert.Equal("ok", Assert.Single(batch.Spans).Step.Name);
        Assert.Equal(4, batch.RejectedItems);
        Assert.Contains("trace id must be 16 bytes", batch.RejectionMessage);
        Assert.Equal(SpanValidator.Problem(ownParent), "span " + SpanHex(4) + ": a span cannot be its own parent");
        Assert.Contains("ends before it starts", SpanValidator.Problem(backwards));
    }

    [Fact]
    public void Long_values_and_many_attributes_are_cut_with_a_visible_marker()
    {
        var attributes = Enumerable.Range(0, 8).Select(i => ($"custom.{i}", (object)new string('x', i == 0 ? 100 : 3))).ToArray();
        var span = Span(Trace, SpanHex(1), null, "agent.tool", 0, 5, [.. attributes, ("agent.input", new string('y', 100))]);

        var mapped = Assert.Single(Mapper.Map(Request([span])).Spans);

        var json = JsonDocument.Parse(mapped.Step.AttributesJson!).RootElement;
        Assert.Equal(new string('x', 64) + IngestLimits.TruncationMarker(36), json.GetProperty("custom.0").GetString());
        Assert.Equal("3 more attributes were dropped", json.GetProperty("traceexplorer.truncated").GetString());
        Assert.EndsWith(IngestLimits.TruncationMarker(36), mapped.Run.Input);
    }
}
