using System.Text.Json;
using TraceExplorer.Otlp.Conventions;
using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class StepContextTests : MudTestContext
{
    private static JsonElement? Attributes(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Shows_the_session_response_id_metadata_tags_and_tools_offered()
    {
        var attributes = Attributes("""
            {"traceexplorer.session_id":"session-7","traceexplorer.response_id":"resp-2","traceexplorer.description":"Looks up an order.",
             "traceexplorer.metadata":{"plan":"pro"},"traceexplorer.tags":["beta"],
             "traceexplorer.tools":"[{\"name\":\"orders_lookup\",\"description\":\"<i>finds</i> orders\",\"parameters\":\"{\\\"type\\\":\\\"object\\\"}\"}]"}
            """);

        var cut = Render<StepContext>(parameters => parameters.Add(p => p.Attributes, attributes));

        Assert.Equal("session-7", cut.Find("[data-testid=session-id]").TextContent);
        var context = cut.Find("[data-testid=step-context]").TextContent;
        Assert.Contains("resp-2", context);
        Assert.Contains("Looks up an order.", context);
        Assert.Contains("plan", context);
        Assert.Contains("beta", context);
        Assert.Contains("1 tool offered: orders_lookup", cut.Find("[data-testid=tools-offered] summary").TextContent);
        // The sender's description is text, not markup.
        Assert.Empty(cut.FindAll("[data-testid=tool-offered] i"));
        Assert.Contains("<i>finds</i> orders", cut.Find("[data-testid=tool-offered]").TextContent);
    }

    [Fact]
    public void Says_nothing_when_the_step_has_no_context_and_leaves_tools_to_the_conversation()
    {
        var empty = Render<StepContext>(parameters => parameters.Add(p => p.Attributes, Attributes("""{"other":"x"}""")));
        var toolsOnly = Render<StepContext>(parameters => parameters
            .Add(p => p.Attributes, Attributes("""{"traceexplorer.tools":"[{\"name\":\"kb_search\"}]"}"""))
            .Add(p => p.ShowTools, false));

        Assert.Empty(empty.FindAll("[data-testid=step-context]"));
        Assert.Empty(toolsOnly.FindAll("[data-testid=tools-offered]"));
    }

    [Fact]
    public void A_transcript_lists_the_tools_offered_above_the_messages()
    {
        var cut = Render<ChatTranscript>(parameters => parameters
            .Add(p => p.Messages, [new ChatMessage("user", [ChatPart.TextPart("Hi")])])
            .Add(p => p.Tools, [new ToolDefinition("orders_lookup", null, null), new ToolDefinition("kb_search", "Searches.", null)]));

        Assert.Contains("2 tools offered: orders_lookup, kb_search", cut.Find("[data-testid=tools-offered] summary").TextContent);
    }
}
