using TraceExplorer.Storage.Analytics.Explain;

namespace TraceExplorer.Web.Model.Reports;

/// <summary>The explain table's columns, for its page and its CSV export alike.</summary>
public static class ExplainColumns
{
    /// <summary>The page's table: the CSV's columns less the counts and first-seen time, with the dimensions' labels, so it fits a laptop screen.</summary>
    public static readonly IReadOnlyList<ReportColumn<ExplainValue>> Page =
    [
        ReportColumn<ExplainValue>.Label("Dimension", v => ExplainDimensions.Label(v.Dimension)),
        .. Values().Where(c => c.Header is not ("Dimension" or "Symptom runs" or "Baseline runs" or "First seen")),
    ];

    /// <summary>The page shows the values more common in the symptom, this many of each list; the CSV has them all.</summary>
    public const int PageRows = 15;

    public static IReadOnlyList<ExplainValue> ForPage(IReadOnlyList<ExplainValue> values) => values.Where(v => v.Explains > 0).Take(PageRows).ToList();

    public static readonly IReadOnlyList<ReportColumn<ExplainValue>> Csv = Values();

    private static IReadOnlyList<ReportColumn<ExplainValue>> Values() =>
    [
        ReportColumn<ExplainValue>.Label("Dimension", v => ExplainDimensions.Name(v.Dimension)),
        ReportColumn<ExplainValue>.Label("Value", v => v.Value),
        ReportColumn<ExplainValue>.Count("Symptom runs", v => v.SymptomRuns),
        ReportColumn<ExplainValue>.Rate("Symptom share", v => v.SymptomShare),
        ReportColumn<ExplainValue>.Count("Baseline runs", v => v.BaselineRuns),
        ReportColumn<ExplainValue>.Rate("Baseline share", v => v.BaselineShare),
        new("Lift", v => double.IsFinite(v.Lift) ? v.Lift : null, v => double.IsPositiveInfinity(v.Lift) ? "only here" : double.IsNaN(v.Lift) ? "—" : v.Lift.ToString("0.0×", System.Globalization.CultureInfo.InvariantCulture), Numeric: true),
        ReportColumn<ExplainValue>.Rate("Explains", v => v.Explains),
        new("Adjusted p", v => v.AdjustedP, v => CompareFormat.P(v.AdjustedP), Numeric: true),
        new("Cause", v => v.IsCause, v => v.IsCause ? "yes" : v.ExplainedBy is { } by ? $"through {by}" : "no"),
        new("First seen", v => v.FirstSeen, v => v.FirstSeen is { } seen ? DisplayFormat.Time(seen) : "—"),
    ];
}
