using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Core.Redaction;
using TraceExplorer.Otlp.Mapping;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.Tests.Ingest;

public sealed class RedactionAtIngestTests
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";
    private static readonly Redactor Redactor = new(new RedactionOptions(), "ingest-test");
    private static readonly OtlpTraceMapper Mapper = new(new IngestMappingOptions { EndUserHashKey = "k", Redactor = Redactor });

    [Fact]
    public void Personal_data_is_replaced_in_keys_event_names_columns_and_bytes_consistently()
    {
        string Pii(int n) => $"user{n}.e2e@example.com";
        var resource = new OpenTelemetry.Proto.Resource.V1.Resource { Attributes = { Attribute("service.name", $"agent:{Pii(1)}") } };
        var span = Span(TraceHex(2), SpanHex(2), null, "agent.run", 0, 10,
            ("agent.run_id", "run-columns"), ("agent.route", $"route:{Pii(2)}"), ("agent.prompt_version", $"prompt-{Pii(3)}"),
            ("agent.policy_version", $"policy-{Pii(4)}"), ("agent.tool_contract_version", $"tools-{Pii(5)}"), ("agent.route_config_version", $"routes-{Pii(6)}"),
            ("gen_ai.tool.name", $"tool-{Pii(7)}"), ("gen_ai.request.model", $"model-{Pii(8)}"), ("error.type", $"Error{Pii(9)}"),
            ("agent.validation.schema", $"schema-{Pii(10)}"), ("agent.request_id", $"req-{Pii(11)}"), ("gen_ai.tool.call.id", $"call-{Pii(12)}"),
            ("agent.complaint_id", $"zd-{Pii(13)}"), ($"visits.{Pii(14)}", "3"));
        span.Attributes.Add(new OpenTelemetry.Proto.Common.V1.KeyValue
        {
            Key = "payload.bytes",
            Value = new OpenTelemetry.Proto.Common.V1.AnyValue { BytesValue = Google.Protobuf.ByteString.CopyFromUtf8($"contact {Pii(15)} or +44 20 7946 0958") },
        });
        span.Events.Add(Event($"mailed {Pii(16)}", 3, ($"to.{Pii(17)}", "yes")));
        var request = Request([span]);
        request.ResourceSpans[0].Resource = resource;

        var batch = Mapper.Map(request);

        var mapped = Assert.Single(batch.Spans);
        var (step, run) = (mapped.Step, mapped.Run);
        var stored = string.Join("\n", step.RunId, step.Name, step.ToolName, step.ToolCallId, step.Model, step.ErrorType, step.ValidationSchema,
            step.AttributesJson, step.EventsJson, run.AgentName, run.Route, run.PromptVersion, run.PolicyVersion, run.ToolContractVersion,
            run.RouteConfigVersion, run.RequestId, mapped.ComplaintId);
        Assert.All(Enumerable.Range(1, 17), n => Assert.DoesNotContain(Pii(n), stored));
        Assert.DoesNotContain("7946 0958", stored);
        // Replaced in place and consistently: the rest of a name stays readable, and equal values give equal placeholders.
        Assert.Equal("route:" + Redactor.Placeholder(RedactionKind.Email, Pii(2)), run.Route);
        Assert.Equal("agent:" + Redactor.Placeholder(RedactionKind.Email, Pii(1)), run.AgentName);
    }

    [Fact]
    public void Personal_data_is_replaced_in_every_stored_field_and_counted()
    {
        var span = Span(TraceHex(1), SpanHex(1), null, $"agent.tool for {Email}", 0, 10,
            ("agent.run_id", "run-pii"), ("agent.input", $"My card is {Card}, mail me at {Email}"),
            ("gen_ai.tool.name", "crm.lookup"), ("gen_ai.tool.call.arguments", $$"""{"email":"{{Email}}","password":"hunter2"}"""),
            ("customer.phone", "+44 20 7946 0958"), ("auth_token", "abc123"));
        span.Status = new Status { Code = Status.Types.StatusCode.Error, Message = $"no customer {Email}" };
        span.Events.Add(Event("exception", 5, ("exception.message", $"lookup failed for {Email}")));
        span.Events.Add(Event("agent.decision", 6, ("agent.decision.kind", "audit"), ("agent.decision.reason", $"read profile of {Email}")));

        var batch = Mapper.Map(Request([span]));

        var mapped = Assert.Single(batch.Spans);
        var stored = string.Join("\n", mapped.Step.Name, mapped.Step.ErrorMessage, mapped.Step.AttributesJson, mapped.Step.EventsJson,
            mapped.Run.Input, Assert.Single(batch.Decisions).Decision.Reason);
        foreach (var raw in new[] { Email, Card, "hunter2", "abc123", "7946 0958" })
        {
            Assert.DoesNotContain(raw, stored);
        }

        Assert.Contains(Redactor.Placeholder(RedactionKind.Email, Email), stored);
        Assert.True(mapped.Redactions!.ByKind[RedactionKind.Email] >= 5);
        Assert.Equal(1, mapped.Redactions.ByKind[RedactionKind.Card]);
        Assert.Equal(2, mapped.Redactions.ByKind[RedactionKind.Field]);
    }

    [Fact]
    public void Equal_arguments_still_hash_alike_after_redaction()
    {
        var first = Span(TraceHex(2), SpanHex(1), null, "agent.tool", 0, 1, ("gen_ai.tool.call.arguments", $$"""{"email":"{{Email}}"}"""));
        var second = Span(TraceHex(2), SpanHex(2), null, "agent.tool", 2, 1, ("gen_ai.tool.call.arguments", $$"""{"email":"{{Email}}"}"""));
        var other = Span(TraceHex(2), SpanHex(3), null, "agent.tool", 4, 1, ("gen_ai.tool.call.arguments", """{"email":"bob@example.com"}"""));

        var hashes = Mapper.Map(Request([first, second, other])).Spans.Select(s => s.Step.ToolArgumentsHash).ToList();

        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
    }
}
