using System.Text.Json;
using OpenTelemetry.Proto.Common.V1;
using TraceExplorer.Otlp.Mapping;
using static TraceExplorer.Testing.OtlpSpans;

namespace TraceExplorer.Tests.Ingest;

/// <summary>Limits that must not leak: caps that say what they dropped, names that never collide or forge a marker.</summary>
public sealed class IngestLimitsTests
{
    private static readonly string Trace = TraceHex(17);

    private static OtlpTraceMapper Mapper(IngestLimits limits) => new(new IngestMappingOptions { EndUserHashKey = "test-key", Limits = limits });

    [Fact]
    public void Decisions_from_one_span_are_capped_and_the_count_dropped_is_reported()
    {
        var span = Span(Trace, SpanHex(1), null, "agent.plan", 0, 10, ("agent.run_id", "run-decisions"));
        span.Events.AddRange(Enumerable.Range(0, 10).Select(i => Event("agent.decision", i, ("agent.decision.kind", "audit"), ("agent.decision.reason", $"r{i}"))));

        var batch = Mapper(new IngestLimits { MaxDecisionsPerSpan = 4 }).Map(Request([span]));

        Assert.Equal(["r0", "r1", "r2", "r3"], batch.Decisions.Select(d => d.Decision.Reason));
        Assert.Equal(0, batch.RejectedItems);
        Assert.Contains("6 decision event(s) dropped: at most 4 are kept per span", batch.RejectionMessage);
        Assert.Single(batch.Spans);
    }

    [Fact]
    public void Long_keys_are_cut_with_a_marker_and_two_that_share_their_start_stay_two()
    {
        var start = new string('k', 300);
        var span = Span(Trace, SpanHex(1), null, "agent.tool", 0, 5, (start + "-a", "first"), (start + "-b", "second"));

        var mapped = Assert.Single(Mapper(new IngestLimits()).Map(Request([span])).Spans);

        var properties = JsonDocument.Parse(mapped.Step.AttributesJson!).RootElement.EnumerateObject().ToList();
        Assert.Equal(2, properties.Count);
        Assert.All(properties, p => Assert.Equal(256, p.Name.Length));
        Assert.All(properties, p => Assert.Contains("…", p.Name));
        Assert.NotEqual(properties[0].Name, properties[1].Name);
        Assert.Equal(["first", "second"], properties.Select(p => p.Value.GetString()));
    }

    [Fact]
    public void Cut_is_stable_keeps_short_keys_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("short", AttributeKeys.Cut("short", 256));
        Assert.Equal(AttributeKeys.Cut(new string('a', 400), 256), AttributeKeys.Cut(new string('a', 400), 256));
        var emoji = new string('a', 238) + "😀" + new string('b', 50);

        var cut = AttributeKeys.Cut(emoji, 256);

        Assert.True(cut.Length <= 256);
        Assert.False(char.IsHighSurrogate(cut[cut.IndexOf('…') - 1]));
    }

    [Fact]
    public void A_senders_own_truncation_marker_is_stored_aside_and_cannot_pass_for_ours()
    {
        var span = Span(Trace, SpanHex(1), null, "agent.tool", 0, 5, ("traceexplorer.truncated", "999 more attributes were dropped"), ("custom", "x"));

        var mapped = Assert.Single(Mapper(new IngestLimits()).Map(Request([span])).Spans);

        var json = JsonDocument.Parse(mapped.Step.AttributesJson!).RootElement;
        Assert.False(json.TryGetProperty(AttributeKeys.TruncationMarker, out _));
        Assert.Equal("999 more attributes were dropped", json.GetProperty(AttributeKeys.SentTruncationMarker).GetString());
    }

    [Fact]
    public void Of_duplicate_kvlist_keys_the_last_wins_and_each_name_is_written_once()
    {
        var map = new KeyValueList { Values = { Attribute("a", "1"), Attribute("b", "2"), Attribute("a", "3") } };
        var span = Span(Trace, SpanHex(1), null, "agent.tool", 0, 5);
        span.Attributes.Add(new KeyValue { Key = "custom.map", Value = new AnyValue { KvlistValue = map } });

        var mapped = Assert.Single(Mapper(new IngestLimits()).Map(Request([span])).Spans);

        var inner = JsonDocument.Parse(mapped.Step.AttributesJson!).RootElement.GetProperty("custom.map");
        Assert.Equal([("b", "2"), ("a", "3")], inner.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }

    [Fact]
    public void Of_duplicate_event_attribute_keys_the_first_wins_as_for_span_attributes()
    {
        var span = Span(Trace, SpanHex(1), null, "agent.tool", 0, 5);
        span.Events.Add(Event("note", 1, ("k", "first"), ("k", "second")));

        var mapped = Assert.Single(Mapper(new IngestLimits()).Map(Request([span])).Spans);

        var attributes = JsonDocument.Parse(mapped.Step.EventsJson!).RootElement[0].GetProperty("attributes");
        Assert.Equal([("k", "first")], attributes.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }

    [Fact]
    public void Of_two_copies_of_one_span_in_a_request_the_first_sent_wins_even_when_the_later_starts_earlier()
    {
        var first = Span(Trace, SpanHex(1), null, "sent first", 100, 5, ("agent.run_id", "run-copies"));
        var earlier = Span(Trace, SpanHex(1), null, "sent second", 0, 5, ("agent.run_id", "run-copies"));

        var batch = Mapper(new IngestLimits()).Map(Request([first, earlier]));

        Assert.Equal("sent first", Assert.Single(batch.Spans).Step.Name);
        Assert.Equal(0, batch.RejectedItems);
    }

    [Fact]
    public void Distinct_names_get_a_suffix_only_when_taken()
    {
        var names = new AttributeKeys.Distinct();

        Assert.Equal(["x", "y", "x#2", "x#3"], new[] { "x", "y", "x", "x" }.Select(names.Of));
    }
}
