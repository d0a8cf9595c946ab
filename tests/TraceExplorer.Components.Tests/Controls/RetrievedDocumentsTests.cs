using TraceExplorer.Web.Components.Controls;

namespace TraceExplorer.Components.Tests.Controls;

public sealed class RetrievedDocumentsTests : MudTestContext
{
    [Fact]
    public void Each_document_shows_its_id_score_and_content_as_text()
    {
        var cut = Render<RetrievedDocuments>(parameters => parameters
            .Add(p => p.Ids, ["kb-1", "kb-2"])
            .Add(p => p.Snippets, ["<b>Refunds</b> within 30 days.", ""])
            .Add(p => p.Scores, ["0.91", ""]));

        var documents = cut.FindAll("[data-testid=retrieved-document]");
        Assert.Equal(2, documents.Count);
        Assert.Equal("0.91", Assert.Single(cut.FindAll("[data-testid=document-score]")).TextContent);
        Assert.Contains("<b>Refunds</b> within 30 days.", documents[0].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=retrieved-documents] b"));
        Assert.Equal("kb-2", documents[1].TextContent.Trim());
    }
}
