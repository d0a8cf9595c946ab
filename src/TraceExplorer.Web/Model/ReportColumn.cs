namespace TraceExplorer.Web.Model;

/// <summary>
/// One column of a report, shared by its page table and its CSV export so that the two always match: the header,
/// the raw value (CSV, sorting) and the text the page shows.
/// </summary>
public sealed record ReportColumn<T>(string Header, Func<T, object?> Value, Func<T, string> Text, bool Numeric = false)
{
    public static ReportColumn<T> Label(string header, Func<T, string?> value) => new(header, value, row => value(row) ?? "—");

    public static ReportColumn<T> Count(string header, Func<T, long> value) => new(header, row => value(row), row => DisplayFormat.Count(value(row)), Numeric: true);

    public static ReportColumn<T> Duration(string header, Func<T, double> value) =>
        new(header, row => value(row), row => double.IsNaN(value(row)) ? "—" : DisplayFormat.Duration(value(row)), Numeric: true);

    public static ReportColumn<T> Rate(string header, Func<T, double> value) => new(header, row => value(row), row => CompareFormat.Percent(value(row)), Numeric: true);
}
