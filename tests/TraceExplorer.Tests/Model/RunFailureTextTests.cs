using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class RunFailureTextTests
{
    [Fact]
    public void The_tool_type_and_message_read_in_one_line()
    {
        var failure = new RunFailure("run_1", 7, "timeout", "orders.lookup timed out after 30000 ms", "orders.lookup");

        Assert.Equal("orders.lookup · timeout: orders.lookup timed out after 30000 ms", RunFailureText.Summary(failure));
        Assert.StartsWith("Step 7: ", RunFailureText.Title(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_message_or_a_tool_what_is_known_is_shown()
    {
        Assert.Equal("orders.lookup · timeout", RunFailureText.Summary(new RunFailure("run_1", 7, "timeout", null, "orders.lookup")));
        Assert.Equal("error", RunFailureText.Summary(new RunFailure("run_1", 3, null, null, null)));
    }
}
