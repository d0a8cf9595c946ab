using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class CsvExportTests
{
    private sealed record Row(string Name, double Value);

    [Fact]
    public void Cells_are_quoted_escaped_and_never_formulas()
    {
        IReadOnlyList<ReportColumn<Row>> columns = [ReportColumn<Row>.Label("Name", r => r.Name), ReportColumn<Row>.Duration("Value", r => r.Value)];

        var csv = CsvExport.Write(columns, [new Row("a, \"b\"", 1.5), new Row("=HYPERLINK(\"x\")", double.NaN), new Row("-2+3", 0.1234)]);

        Assert.Equal("Name,Value\r\n\"a, \"\"b\"\"\",1.5\r\n\"'=HYPERLINK(\"\"x\"\")\",\r\n'-2+3,0.123\r\n", csv);
    }
}
