using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Demo;
using TraceExplorer.Web.Components.Pages;

namespace TraceExplorer.Components.Tests.Pages;

/// <summary>A viewer sees where a run failed (the tool and the error type) but never the error's text.</summary>
public sealed class RunsViewerTests : PageTestContext
{
    protected override string Role => "Viewer";

    [Fact]
    public async Task The_error_column_shows_the_tool_and_type_without_the_message()
    {
        await using var db = await Store.ContextFactory.CreateDbContextAsync();
        var step = await db.Steps.AsNoTracking().Where(s => s.ErrorType == "timeout" && s.ToolName == DemoIncidents.TimingOutTool).FirstAsync();
        Navigation.NavigateTo($"/runs?q={step.RunId}");

        var cut = Render<Runs>();

        cut.WaitForAssertion(() => Assert.Equal($"{DemoIncidents.TimingOutTool} · timeout", cut.Find("a.error-link").TextContent), LoadTimeout);
        Assert.DoesNotContain(step.ErrorMessage!, cut.Markup, StringComparison.Ordinal);
    }
}
