using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model.Reports;

/// <summary>The columns of every report, used by its page table and its CSV export alike.</summary>
public static class ReportColumns
{
    public static IReadOnlyList<ReportColumn<SlowStepGroup>> SlowSteps(StepGrouping grouping) =>
    [
        ReportColumn<SlowStepGroup>.Label(grouping.ToString(), g => g.Group),
        ReportColumn<SlowStepGroup>.Count("Count", g => g.Count),
        ReportColumn<SlowStepGroup>.Duration("p50", g => g.P50Ms),
        ReportColumn<SlowStepGroup>.Duration("p95", g => g.P95Ms),
        ReportColumn<SlowStepGroup>.Duration("p99", g => g.P99Ms),
        ReportColumn<SlowStepGroup>.Duration("Max", g => g.MaxMs),
        ReportColumn<SlowStepGroup>.Rate("Error rate", g => g.ErrorRate),
        ReportColumn<SlowStepGroup>.Duration("Total time", g => g.TotalMs),
    ];

    public static readonly IReadOnlyList<ReportColumn<RepeatedTool>> RepeatedTools =
    [
        ReportColumn<RepeatedTool>.Label("Tool", t => t.Tool),
        ReportColumn<RepeatedTool>.Count("Runs affected", t => t.RunsAffected),
        ReportColumn<RepeatedTool>.Rate("Share of runs calling it", t => t.ShareOfRuns),
        ReportColumn<RepeatedTool>.Count("Repeated calls", t => t.RepeatedCalls),
        ReportColumn<RepeatedTool>.Duration("Time in repeats", t => t.TimeInRepeatsMs),
    ];

    public static readonly IReadOnlyList<ReportColumn<StepLoop>> Loops =
    [
        ReportColumn<StepLoop>.Label("Loop", l => l.Pattern),
        ReportColumn<StepLoop>.Count("Steps in the loop", l => l.Length),
        ReportColumn<StepLoop>.Count("Runs affected", l => l.RunsAffected),
        ReportColumn<StepLoop>.Count("Repeats", l => l.Repeats),
    ];

    public static readonly IReadOnlyList<ReportColumn<ValidationFailureGroup>> ValidationFailures =
    [
        ReportColumn<ValidationFailureGroup>.Label("Schema", v => v.Schema),
        ReportColumn<ValidationFailureGroup>.Label("Reason", v => v.Reason),
        ReportColumn<ValidationFailureGroup>.Count("Failures", v => v.Failures),
        ReportColumn<ValidationFailureGroup>.Count("Validations of the schema", v => v.Validations),
        ReportColumn<ValidationFailureGroup>.Rate("Share", v => v.Share),
    ];

    public static readonly IReadOnlyList<ReportColumn<ComplaintRate>> Complaints =
    [
        ReportColumn<ComplaintRate>.Label("Dimension", c => CompareDimensions.Name(c.Dimension)),
        ReportColumn<ComplaintRate>.Label("Value", c => c.Value),
        ReportColumn<ComplaintRate>.Count("Runs", c => c.Runs),
        ReportColumn<ComplaintRate>.Count("Complaints", c => c.Complaints),
        new("Complaints per run", c => c.PerRun, c => c.PerRun.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), Numeric: true),
        ReportColumn<ComplaintRate>.Rate("Runs with a complaint", c => c.Share),
        new("Far above the rest", c => c.FarAbove, c => c.FarAbove ? "yes" : ""),
    ];

    public static readonly IReadOnlyList<ReportColumn<LatencyPoint>> Latency =
    [
        ReportColumn<LatencyPoint>.Label("Series", p => p.Series),
        new("Bucket", p => p.Bucket, p => DisplayFormat.Time(p.Bucket)),
        ReportColumn<LatencyPoint>.Count("Runs", p => p.Runs),
        ReportColumn<LatencyPoint>.Duration("p50", p => p.P50Ms),
        ReportColumn<LatencyPoint>.Duration("p95", p => p.P95Ms),
        ReportColumn<LatencyPoint>.Duration("p99", p => p.P99Ms),
        ReportColumn<LatencyPoint>.Rate("Error rate", p => p.ErrorRate),
        ReportColumn<LatencyPoint>.Count("Over SLO", p => p.OverSlo),
    ];

    public static readonly IReadOnlyList<ReportColumn<DecisionRow>> Decisions =
    [
        new("Time", d => d.Time, d => DisplayFormat.Time(d.Time)),
        ReportColumn<DecisionRow>.Label("Kind", d => d.Kind.ToString()),
        ReportColumn<DecisionRow>.Label("Outcome", d => d.Outcome),
        ReportColumn<DecisionRow>.Label("Policy", d => d.PolicyId),
        ReportColumn<DecisionRow>.Label("Actor", d => d.Actor),
        ReportColumn<DecisionRow>.Label("Target", d => d.Target),
        ReportColumn<DecisionRow>.Label("Reason", d => d.Reason),
        ReportColumn<DecisionRow>.Label("Run", d => d.RunId),
        new("Step", d => d.StepNumber, d => d.StepNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", Numeric: true),
    ];
}
