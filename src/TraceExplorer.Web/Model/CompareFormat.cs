using System.Globalization;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Model;

/// <summary>How the comparison page writes values, deltas and verdicts; pure, so the wording is tested once.</summary>
public static class CompareFormat
{
    public static string Value(double value, MetricUnit unit) => double.IsNaN(value) ? "—" : unit switch
    {
        MetricUnit.Milliseconds => DisplayFormat.Duration(value),
        MetricUnit.Rate => Percent(value),
        MetricUnit.PerRun => value.ToString(value >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture),
        _ => DisplayFormat.Count((long)value),
    };

    public static string Percent(double rate) => double.IsNaN(rate) ? "—" : (rate * 100).ToString(rate is > 0 and < 0.01 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>B − A in the metric's unit, with the relative change where it means something.</summary>
    public static string Delta(CohortMetric metric)
    {
        if (double.IsNaN(metric.A) || double.IsNaN(metric.B))
        {
            return "—";
        }

        var sign = metric.Delta > 0 ? "+" : metric.Delta < 0 ? "−" : "±";
        var magnitude = Math.Abs(metric.Delta);
        var absolute = metric.Unit == MetricUnit.Rate
            ? (magnitude * 100).ToString("0.#", CultureInfo.InvariantCulture) + " pp"
            : Value(magnitude, metric.Unit);
        var relative = metric.Unit != MetricUnit.Rate && metric.A != 0
            ? " (" + sign + (magnitude / Math.Abs(metric.A) * 100).ToString("0", CultureInfo.InvariantCulture) + " %)"
            : "";
        return sign + absolute + relative;
    }

    /// <summary>The verdict on a difference: what the test says, never more.</summary>
    public static string Verdict(CohortMetric metric) => metric.Test switch
    {
        null => "",
        _ when !metric.Testable => "not testable",
        { SmallSample: true } => "small sample",
        var test when metric.Regressed => "worse · " + P(test.P),
        var test when metric.Improved => "better · " + P(test.P),
        var test when metric.Significant => (metric.B > metric.A ? "higher · " : "lower · ") + P(test.P),
        _ => "no clear difference",
    };

    public static string P(double p) => p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.###", CultureInfo.InvariantCulture);
}
