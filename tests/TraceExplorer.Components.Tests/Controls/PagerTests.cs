using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class PagerTests : MudTestContext
{
    [Theory]
    [InlineData(1, 50, 3169, "1–50 of 3,169")]
    [InlineData(64, 50, 3169, "3,151–3,169 of 3,169")]
    [InlineData(1, 25, 7, "1–7 of 7")]
    public void Shows_the_range_of_the_current_page(int page, int pageSize, int total, string expected)
    {
        var cut = Render<Pager>(parameters => parameters
            .Add(p => p.Page, page)
            .Add(p => p.PageSize, pageSize)
            .Add(p => p.TotalCount, total));

        Assert.Equal(expected, cut.Find(".pager-range").TextContent);
    }
}
