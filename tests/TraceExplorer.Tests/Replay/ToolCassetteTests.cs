using System.Text.Json;
using TraceExplorer.Core.Hashing;
using TraceExplorer.Core.Replay;
using TraceExplorer.Replay;

namespace TraceExplorer.Tests.Replay;

public sealed class ToolCassetteTests
{
    private const string FirstArgs = """{"order_id":"A-1"}""";
    private const string SecondArgs = """{"order_id":"A-2"}""";

    private static ReplayBundle Bundle() => new()
    {
        Run = new ReplayRun("run-1", "req-1", new string('a', 32), "agent", "primary", "ok", DateTime.UnixEpoch, 100,
            new ReplayVersions("p1", "pol1", "t1", "r1"), "input", "output"),
        Steps =
        [
            Tool(2, "orders.lookup", FirstArgs, """{"status":"shipped"}"""),
            Tool(5, "orders.lookup", SecondArgs, null, new ReplayError("timeout", "timed out after 30000 ms", TimedOut: true)),
            Tool(7, "kb.search", """{"q":"refund"}""", """["kb-1"]"""),
        ],
        Decisions = [],
    };

    [Fact]
    public void A_call_matches_by_arguments_first_then_by_order_and_each_recording_is_served_once()
    {
        var cassette = new ToolCassette(Bundle());

        var bySecond = cassette.Play("orders.lookup", SecondArgs);
        var byOrder = cassette.Play("orders.lookup", """{"order_id":"A-9"}""");
        var exhausted = cassette.Play("orders.lookup", FirstArgs);

        Assert.Equal((true, "arguments", "call_5", true, "timeout"), (bySecond.Hit, bySecond.MatchedBy, bySecond.ToolCallId, bySecond.TimedOut, bySecond.ErrorType));
        Assert.Equal((true, "order", "call_2", """{"status":"shipped"}"""), (byOrder.Hit, byOrder.MatchedBy, byOrder.ToolCallId, byOrder.Result));
        Assert.False(exhausted.Hit);
        Assert.Contains("already served", exhausted.Miss);
    }

    [Fact]
    public void An_unknown_tool_is_a_miss_never_an_invented_result()
    {
        var answer = new ToolCassette(Bundle()).Play("email.send", "{}");

        Assert.False(answer.Hit);
        Assert.Null(answer.Result);
        Assert.Contains("never called 'email.send'", answer.Miss);
    }

    [Fact]
    public void The_stateless_match_uses_arguments_then_the_occurrence()
    {
        var cassette = new ToolCassette(Bundle());

        Assert.Equal("call_2", cassette.Match("orders.lookup", FirstArgs, null).ToolCallId);
        Assert.Equal("call_2", cassette.Match("orders.lookup", FirstArgs, null).ToolCallId);
        Assert.Equal(("order", "call_5"), (cassette.Match("orders.lookup", "{}", 2).MatchedBy, cassette.Match("orders.lookup", "{}", 2).ToolCallId));
        Assert.False(cassette.Match("orders.lookup", "{}", null).Hit);
        Assert.False(cassette.Match("orders.lookup", "{}", 3).Hit);
    }

    [Fact]
    public void A_bundle_round_trips_through_its_json_and_other_schemas_are_refused()
    {
        var json = JsonSerializer.Serialize(Bundle(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var loaded = ToolCassette.Load(json);

        Assert.Equivalent(Bundle(), loaded.Bundle, strict: true);
        Assert.Throws<InvalidDataException>(() => ToolCassette.Load(json.Replace(ReplayBundle.CurrentSchema, "traceexplorer.replay/v9", StringComparison.Ordinal)));
        Assert.Throws<InvalidDataException>(() => ToolCassette.Load("not json"));
    }

    private static ReplayStep Tool(int number, string tool, string arguments, string? result, ReplayError? error = null) => new()
    {
        StepNumber = number,
        SpanId = $"span{number}",
        Kind = "tool",
        Name = "agent.tool",
        Status = error is null ? "ok" : "error",
        Error = error,
        ToolCall = new ReplayToolCall($"call_{number}", tool, KeyedHash.Content(arguments), arguments, result),
    };
}
