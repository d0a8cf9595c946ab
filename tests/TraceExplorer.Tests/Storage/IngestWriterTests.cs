using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Proto.Trace.V1;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Core.Model;
using TraceExplorer.Otlp.Mapping;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Ingest;
using TraceExplorer.Testing;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.Tests.Storage;

public sealed class IngestWriterTests : IAsyncLifetime
{
    private static readonly OtlpTraceMapper Mapper = new(new IngestMappingOptions { EndUserHashKey = "k" });
    private TestStore _store = null!;
    private IngestWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync();
        _writer = _store.Get<IngestWriter>();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_run_sent_in_pieces_out_of_order_adds_up_as_if_sent_whole()
    {
        var spans = OtlpSpans.Run(1, "run-pieces", steps: 6);
        spans[3].Status = new Status { Code = Status.Types.StatusCode.Error };

        // Children first, the root last, over three requests.
        await WriteAsync(spans[4], spans[5]);
        await WriteAsync(spans[1], spans[3]);
        await WriteAsync(spans[0], spans[2]);

        var run = await RunAsync("run-pieces");
        Assert.Equal((6, 5, 1, RunStatus.Ok), (run.StepCount, run.ToolCallCount, run.ErrorCount, run.Status));
        Assert.Equal(Epoch, run.StartTime);
        Assert.Equal(70, run.DurationMs, precision: 3);
        Assert.Equal("test-agent", run.AgentName);
        Assert.Equal(spans[0].SpanId.ToByteArray(), Convert.FromHexString(run.RootSpanId!));
        Assert.Equal(Enumerable.Range(1, 6), await StepNumbersByStartAsync("run-pieces"));
    }

    [Fact]
    public async Task A_write_marks_the_hour_its_runs_start_in_pending_for_the_report_rollups()
    {
        var spans = OtlpSpans.Run(4, "run-rolled", steps: 3);

        await WriteAsync(spans[1], spans[2]);
        await WriteAsync(spans[0]);

        // Each write bumps the hour's version, so a rollup computed before the second write is not taken as current.
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var pending = await db.Set<PendingRollupHour>().SingleAsync();
        Assert.Equal((new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), 2L), (pending.Hour, pending.Version));
    }

    [Fact]
    public async Task A_batch_sent_again_stores_nothing_twice()
    {
        var spans = OtlpSpans.Run(2, "run-twice", steps: 4);
        spans[1].Events.Add(Event("agent.decision", 11, ("agent.decision.kind", "audit"), ("agent.decision.outcome", "logged")));

        var first = await WriteAsync([.. spans]);
        var again = await WriteAsync([.. spans]);

        Assert.Equal((4, 0, 1), (first.StoredSpans, first.DuplicateSpans, first.StoredDecisions));
        Assert.Equal((0, 4, 0), (again.StoredSpans, again.DuplicateSpans, again.StoredDecisions));
        var run = await RunAsync("run-twice");
        Assert.Equal(4, run.StepCount);
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.Equal(4, await db.Steps.CountAsync(s => s.RunId == "run-twice"));
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.RunId == "run-twice"));
    }

    [Fact]
    public async Task A_span_without_a_run_id_joins_the_run_its_trace_already_has()
    {
        var trace = TraceHex(3);
        await WriteAsync(Span(trace, SpanHex(1), null, "agent.plan", 0, 50, ("agent.run_id", "run-named")));

        await WriteAsync(Span(trace, SpanHex(2), SpanHex(1), "agent.tool", 10, 5));

        Assert.Equal(2, (await RunAsync("run-named")).StepCount);
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.False(await db.Runs.AnyAsync(r => r.RunId == trace));
    }

    [Fact]
    public async Task Spans_stored_before_their_run_was_named_move_into_the_named_run()
    {
        var trace = TraceHex(9);
        var child = Span(trace, SpanHex(2), SpanHex(1), "agent.tool", 10, 5, ("agent.prompt_version", "p-from-child"));
        child.Events.Add(Event("agent.decision", 12, ("agent.decision.kind", "audit")));
        await WriteAsync(child, Span(trace, SpanHex(3), SpanHex(1), "agent.tool", 20, 5));
        Assert.Equal(2, (await RunAsync(trace)).StepCount);

        await WriteAsync(Span(trace, SpanHex(1), null, "agent.plan", 0, 50, ("agent.run_id", "run-named-late")));

        var run = await RunAsync("run-named-late");
        Assert.Equal((3, 50.0, "p-from-child"), (run.StepCount, run.DurationMs, run.PromptVersion));
        Assert.Equal([1, 2, 3], await StepNumbersByStartAsync("run-named-late"));
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        Assert.False(await db.Runs.AnyAsync(r => r.RunId == trace));
        Assert.Equal(1, await db.Decisions.CountAsync(d => d.RunId == "run-named-late"));
    }

    [Fact]
    public async Task A_decision_that_arrives_first_creates_the_run_and_the_spans_complete_it()
    {
        var trace = TraceHex(4);
        var decision = new Decision
        {
            RunId = trace, TraceId = trace, SpanId = SpanHex(2), Time = Epoch.AddMilliseconds(12), Kind = DecisionKind.PolicyBlock, Outcome = "blocked",
        };
        decision.Fingerprint = Core.Runs.DecisionFingerprint.Of(decision);
        await _writer.WriteAsync([new IngestBatch([], [new IngestedDecision(decision, RunIdExplicit: false)])]);
        Assert.Equal(0, (await RunAsync(trace)).StepCount);

        await WriteAsync(Span(trace, SpanHex(1), null, "agent.plan", 0, 50), Span(trace, SpanHex(2), SpanHex(1), "agent.tool", 10, 5));

        var run = await RunAsync(trace);
        Assert.Equal((2, Epoch, 50.0), (run.StepCount, run.StartTime, run.DurationMs));
        var decisions = await _store.Queries.GetDecisionsAsync(trace);
        Assert.Equal(2, Assert.Single(decisions!).StepNumber);
    }

    [Fact]
    public async Task Steps_read_back_through_ef_exactly_as_written()
    {
        var span = Span(TraceHex(5), SpanHex(1), null, "agent.validate", 0, 12.5,
            ("agent.run_id", "run-fields"), ("agent.validation.schema", "s@1"), ("agent.validation.passed", false),
            ("gen_ai.request.temperature", 0.7), ("gen_ai.usage.input_tokens", 11), ("custom", "value"));
        span.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "bad" };
        var mapped = Mapper.Map(Request([span])).Spans[0].Step;

        await WriteAsync(span);

        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var stored = await db.Steps.AsNoTracking().SingleAsync(s => s.RunId == "run-fields");
        mapped.Id = stored.Id;
        mapped.StepNumber = 1;
        Assert.Equivalent(mapped, stored, strict: true);
        Assert.Equal(DateTimeKind.Utc, stored.StartTime.Kind);
    }

    [Fact]
    public async Task Step_ids_given_by_the_agent_are_kept()
    {
        var trace = TraceHex(6);
        await WriteAsync(
            Span(trace, SpanHex(1), null, "agent.plan", 0, 50, ("agent.run_id", "run-ids"), ("agent.step_id", 10)),
            Span(trace, SpanHex(2), SpanHex(1), "agent.tool", 10, 5, ("agent.run_id", "run-ids"), ("agent.step_id", 20)));

        Assert.Equal([10, 20], await StepNumbersByStartAsync("run-ids"));
    }

    [Fact]
    public async Task A_complaint_id_on_a_span_files_a_complaint_once()
    {
        var span = Span(TraceHex(7), SpanHex(1), null, "agent.plan", 0, 50, ("agent.run_id", "run-complained"), ("agent.complaint_id", "ZD-1"));

        await WriteAsync(span);
        await WriteAsync(span);

        var run = await _store.Queries.GetRunAsync("run-complained");
        Assert.Equal("ZD-1", Assert.Single(run!.Complaints).ExternalId);
    }

    [Fact]
    public async Task Ingest_keeps_what_users_set_on_a_run()
    {
        var spans = OtlpSpans.Run(8, "run-pinned", steps: 3);
        await WriteAsync(spans[0]);
        await using (var db = await _store.ContextFactory.CreateDbContextAsync())
        {
            (await db.Runs.SingleAsync(r => r.RunId == "run-pinned")).IsPinned = true;
            await db.SaveChangesAsync();
        }

        await WriteAsync(spans[1], spans[2]);

        var run = await RunAsync("run-pinned");
        Assert.True(run.IsPinned);
        Assert.Equal(3, run.StepCount);
    }

    [Fact]
    public async Task A_run_counts_what_was_redacted_once_however_often_it_is_sent()
    {
        var redacting = new OtlpTraceMapper(new IngestMappingOptions { EndUserHashKey = "k", Redactor = new Core.Redaction.Redactor(new(), "k") });
        var spans = new[]
        {
            Span(TraceHex(10), SpanHex(1), null, "agent.plan", 0, 10, ("agent.run_id", "run-redacted"), ("agent.input", "mail a@example.com or b@example.com")),
            Span(TraceHex(10), SpanHex(2), SpanHex(1), "agent.tool", 1, 5, ("agent.run_id", "run-redacted"), ("password", "x")),
        };

        await _writer.WriteAsync([redacting.Map(Request(spans))]);
        await _writer.WriteAsync([redacting.Map(Request(spans))]);

        Assert.Equal("{\"email\":2,\"field\":1}", (await RunAsync("run-redacted")).RedactionCounts);
    }

    [Fact]
    public async Task A_framework_run_sent_children_first_counts_tokens_tools_and_errors_once_and_numbers_parents_first()
    {
        // Semantic Kernel over MEAI, exported as the SDK does: children end, and are sent, before their parents. The
        // loop repeats its calls' tokens, the tool call is two nested spans, both failed; every span starts in the
        // loop's millisecond, and the span ids sort the children first.
        var trace = TraceHex(60);
        var loop = Span(trace, SpanHex(9), null, "orchestrate_tools", 0, 50, ("gen_ai.usage.input_tokens", 240), ("gen_ai.usage.output_tokens", 60));
        var chat1 = Span(trace, SpanHex(1), SpanHex(9), "chat m", 0, 10, ("gen_ai.operation.name", "chat"), ("gen_ai.usage.input_tokens", 120), ("gen_ai.usage.output_tokens", 30));
        var outer = Span(trace, SpanHex(3), SpanHex(9), "execute_tool support_orders_lookup", 0, 10, ("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", "support_orders_lookup"));
        var inner = Span(trace, SpanHex(2), SpanHex(3), "execute_tool orders_lookup", 0, 5, ("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", "orders_lookup"));
        var chat2 = Span(trace, SpanHex(4), SpanHex(9), "chat m", 20, 10, ("gen_ai.operation.name", "chat"), ("gen_ai.usage.input_tokens", 120), ("gen_ai.usage.output_tokens", 30));
        outer.Status = inner.Status = new Status { Code = Status.Types.StatusCode.Error };

        await WriteAsync(inner, chat1);
        await WriteAsync(outer, chat2);
        await WriteAsync(loop);

        var run = await RunAsync(trace);
        Assert.Equal((240L, 60L, 1, 1, 5), (run.InputTokens, run.OutputTokens, run.ToolCallCount, run.ErrorCount, run.StepCount));
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        var numbers = await db.Steps.Where(s => s.RunId == trace).ToDictionaryAsync(s => s.SpanId, s => s.StepNumber);
        Assert.Equal(1, numbers[SpanHex(9)]);
        Assert.True(numbers[SpanHex(3)] < numbers[SpanHex(2)]);
        Assert.Equal(Enumerable.Range(1, 5), numbers.Values.Order());
    }

    private Task<IngestWriteResult> WriteAsync(params Span[] spans) => _writer.WriteAsync([Mapper.Map(Request(spans))]);

    private async Task<Run> RunAsync(string runId)
    {
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        return await db.Runs.AsNoTracking().SingleAsync(r => r.RunId == runId);
    }

    private async Task<List<int>> StepNumbersByStartAsync(string runId)
    {
        await using var db = await _store.ContextFactory.CreateDbContextAsync();
        return await db.Steps.Where(s => s.RunId == runId).OrderBy(s => s.StartTime).Select(s => s.StepNumber).ToListAsync();
    }
}
