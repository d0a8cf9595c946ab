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
