using TraceExplorer.Otlp.Conventions;
using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class ChatTranscriptTests : MudTestContext
{
    private static readonly ChatMessage[] Conversation =
    [
        new("system", [ChatPart.TextPart("You are a support agent.")]),
        new("user", [ChatPart.TextPart("Where is <b>my</b> order?<script>alert(1)</script>")]),
        new("assistant", [ChatPart.ToolCall("call_1", "orders_lookup", """{"orderId":"A-1001"}""")], "tool_calls", Output: true),
        new("tool", [ChatPart.ToolResult("call_1", "Error: timed out")]),
        new("villain\" onclick=\"x", [ChatPart.TextPart("odd role")]),
    ];

    [Fact]
    public void Shows_each_message_with_its_role_tool_calls_and_results()
    {
        var cut = Render<ChatTranscript>(parameters => parameters.Add(p => p.Messages, Conversation));

        var messages = cut.FindAll(".ct-message");
        Assert.Equal(["system", "user", "assistant", "tool", "villain\" onclick=\"x"], messages.Select(m => m.GetAttribute("data-role")));
        Assert.Contains("response · tool_calls", messages[2].QuerySelector(".ct-role")!.TextContent);
        Assert.Equal("calls orders_lookup (call_1)", cut.Find("[data-testid=tool-call]").TextContent);
        Assert.Contains("\"orderId\": \"A-1001\"", messages[2].TextContent);
        Assert.Equal("result (call_1)", cut.Find("[data-testid=tool-result]").TextContent);
        Assert.Contains("Error: timed out", messages[3].TextContent);
        Assert.Equal(3, cut.FindAll("button[aria-label='Copy message']").Count);
        Assert.Single(cut.FindAll("button[aria-label='Copy tool result']"));
        Assert.Single(cut.FindAll("button[aria-label='Copy arguments']"));
    }

    [Fact]
    public void Agent_text_is_rendered_as_text_and_an_unknown_role_gets_no_class_of_its_own()
    {
        var cut = Render<ChatTranscript>(parameters => parameters.Add(p => p.Messages, Conversation));

        Assert.Empty(cut.FindAll(".chat-transcript script, .chat-transcript b:not(.ct-call b)"));
        Assert.Contains("<script>alert(1)</script>", cut.FindAll(".ct-message")[1].TextContent);
        Assert.Equal("ct-message ct-other", cut.FindAll(".ct-message")[4].GetAttribute("class")?.Split(' ').Where(c => !c.StartsWith("b-", StringComparison.Ordinal)).Aggregate((a, b) => a + " " + b));
    }
}
