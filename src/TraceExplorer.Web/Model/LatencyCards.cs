using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model;

/// <summary>A summary card: a figure of the period and its change against the period before.</summary>
/// <param name="Tone">"worse", "better" or "" for the change's colour.</param>
public sealed record LatencyCard(string Title, string Value, string Change, string Tone);

/// <summary>The latency report's cards, worded in one place.</summary>
public static class LatencyCards
{
    public static IReadOnlyList<LatencyCard> For(LatencySummary current, LatencySummary? previous, double sloMs)
    {
        // With no runs now or before, a change would compare nothing.
        previous = current.Runs == 0 || previous?.Runs == 0 ? null : previous;
        return
        [
            new("Runs", DisplayFormat.Count(current.Runs), previous is null ? "" : Relative(current.Runs, previous.Runs), ""),
            Card("p95 latency", DisplayFormat.Duration(current.P95Ms), current.P95Ms, previous?.P95Ms, relative: true),
            Card("Error rate", CompareFormat.Percent(current.ErrorRate), current.ErrorRate, previous?.ErrorRate, relative: false),
            Card($"Over the SLO ({DisplayFormat.Duration(sloMs)})", CompareFormat.Percent(current.OverSloShare), current.OverSloShare, previous?.OverSloShare, relative: false),
        ];
    }

    /// <summary>Higher is worse for every card but the run count.</summary>
    private static LatencyCard Card(string title, string value, double now, double? before, bool relative)
    {
        if (before is not { } then || double.IsNaN(then) || double.IsNaN(now))
        {
            return new(title, value, "", "");
        }

        var change = relative ? Relative(now, then) : $"{(now >= then ? "+" : "−")}{Math.Abs(now - then) * 100:0.#} pp vs previous period";
        return new(title, value, change, now > then ? "worse" : now < then ? "better" : "");
    }

    private static string Relative(double now, double then) =>
        then == 0 ? "no previous runs" : $"{(now >= then ? "+" : "−")}{Math.Abs(now - then) / then * 100:0.#} % vs previous period";
}
