using System.Globalization;
using System.Text;

namespace TraceExplorer.Web.Model;

/// <summary>
/// RFC 4180 CSV. Agent data ends up in these cells, so a cell a spreadsheet would run as a formula (starting with
/// =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe; numbers are written as numbers.
/// </summary>
public static class CsvExport
{
    public static string Write<T>(IReadOnlyList<ReportColumn<T>> columns, IEnumerable<T> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Cell(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Cell(c.Value(row)))).Append("\r\n");
        }

        return text.ToString();
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        float or decimal or int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Text(value.ToString() ?? ""),
    };

    private static string Text(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
