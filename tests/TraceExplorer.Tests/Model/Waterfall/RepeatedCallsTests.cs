using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Tests.Model.Waterfall;

public sealed class RepeatedCallsTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Calls_of_one_tool_with_equal_arguments_are_one_group_and_others_none()
    {
        var outlines = new[]
        {
            Outline(1, "root", null, null, null), Outline(2, "a", "root", "kb.search", "h1"), Outline(3, "b", "root", "kb.search", "h1"),
            Outline(4, "c", "root", "kb.search", "h2"), Outline(5, "d", "root", "orders.lookup", "h1"), Outline(6, "e", "root", "kb.search", "h1"),
        };

        var model = WaterfallViewModel.Create(Start, outlines, []);

        var group = model.RepeatsByRow[model.RowBySpan["a"]];
        Assert.Equal(["a", "b", "e"], group.Select(r => model.Tree.Rows[r].SpanId));
        Assert.Same(group, model.RepeatsByRow[model.RowBySpan["e"]]);
        Assert.False(model.RepeatsByRow.ContainsKey(model.RowBySpan["c"]));
        Assert.False(model.RepeatsByRow.ContainsKey(model.RowBySpan["d"]));
        Assert.False(model.RepeatsByRow.ContainsKey(model.RowBySpan["root"]));
    }

    private static StepOutline Outline(int number, string span, string? parent, string? tool, string? hash) =>
        new(number, span, parent, tool is null ? StepKind.Plan : StepKind.Tool, span, tool, null, Start.AddMilliseconds(number), 10, StepStatus.Ok, null, null, hash);
}
