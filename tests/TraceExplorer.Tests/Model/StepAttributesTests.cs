using System.Text.Json;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Tests.Model;

public sealed class StepAttributesTests
{
    private static readonly JsonElement Attributes = JsonDocument.Parse("""
        {"z.last":"1","gen_ai.tool.call.arguments":"{\"order\":1}","agent.retrieval.document_ids":["kb-1","kb-2"],"count":3,"flag":true}
        """).RootElement;

    [Fact]
    public void Attributes_read_as_sorted_text_and_lists()
    {
        Assert.Equal(["agent.retrieval.document_ids", "count", "flag", "gen_ai.tool.call.arguments", "z.last"], StepAttributes.All(Attributes).Select(a => a.Key));
        Assert.Equal("3", StepAttributes.Get(Attributes, "count"));
        Assert.Equal("true", StepAttributes.Get(Attributes, "flag"));
        Assert.Null(StepAttributes.Get(Attributes, "missing"));
        Assert.Equal(["kb-1", "kb-2"], StepAttributes.List(Attributes, "agent.retrieval.document_ids"));
        Assert.Empty(StepAttributes.All(null));
    }

    [Fact]
    public void Json_text_is_indented_and_other_text_left_alone()
    {
        Assert.Equal("{\n  \"order\": 1\n}", StepAttributes.Pretty("{\"order\":1}").ReplaceLineEndings("\n"));
        Assert.Equal("{not json", StepAttributes.Pretty("{not json"));
        Assert.Equal("plain <b>text</b>", StepAttributes.Pretty("plain <b>text</b>"));
    }

    [Fact]
    public void Exception_events_are_found_among_the_events()
    {
        var events = JsonDocument.Parse("""
            [{"name":"log","attributes":{}},{"name":"exception","attributes":{"exception.type":"TimeoutException","exception.message":"late"}}]
            """).RootElement;

        var (type, message, stack) = Assert.Single(StepAttributes.Exceptions(events));

        Assert.Equal(("TimeoutException", "late", (string?)null), (type, message, stack));
    }
}
