namespace TraceExplorer.Web.Model.Charts;

/// <summary>
/// Plotly reads a subset of HTML in labels (bold, links, line breaks). Text that came from agents or tools is
/// escaped before it reaches a chart, so it shows as typed and can never be markup.
/// </summary>
public static class ChartText
{
    public static string Safe(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
