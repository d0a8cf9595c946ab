using TraceExplorer.Otlp.Conventions;

namespace TraceExplorer.Tests.Ingest.Frameworks;

public sealed class MessagesJsonTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new("system", [ChatPart.TextPart("Be brief.")]),
        new("user", [ChatPart.TextPart(new string('q', 5000))]),
        new("tool", [ChatPart.ToolResult("call_1", new string('r', 5000))]),
        new("assistant", [ChatPart.ToolCall("call_2", "kb_search", """{"query":"refund"}"""), ChatPart.TextPart("Done.")], "stop", Output: true),
    ];

    [Fact]
    public void Written_messages_read_back_the_same()
    {
        var read = MessagesJson.Read(MessagesJson.Write(Conversation));

        Assert.Equal(Conversation.Length, read.Count);
        Assert.All(Conversation.Zip(read), pair =>
        {
            Assert.Equal((pair.First.Role, pair.First.FinishReason, pair.First.Output), (pair.Second.Role, pair.Second.FinishReason, pair.Second.Output));
            Assert.Equal(pair.First.Parts, pair.Second.Parts);
        });
    }

    [Fact]
    public void Over_the_limit_long_parts_are_shortened_and_the_json_still_parses()
    {
        var json = MessagesJson.Write(Conversation, 4000);
        var read = MessagesJson.Read(json);

        Assert.True(json.Length <= 4000);
        Assert.Equal(4, read.Count);
        Assert.Contains("[truncated", read[1].Text);
        Assert.Equal("Done.", read[3].Text);
    }

    [Fact]
    public void Far_over_the_limit_the_oldest_input_goes_but_the_system_message_and_the_response_stay()
    {
        var read = MessagesJson.Read(MessagesJson.Write(Conversation, 420));

        Assert.Equal(["system", "assistant"], read.Select(m => m.Role));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"role\":\"user\"}")]
    public void Anything_else_reads_as_no_messages(string? json) => Assert.Empty(MessagesJson.Read(json));
}
