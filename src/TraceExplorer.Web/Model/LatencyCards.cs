using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Web.Model;

/// <summary>A summary card: a figure of the period, its change against the period before, and that period's figure.</summary>
/// <param name="Tone">"worse", "better" or "" for the change's colour.</param>
/// <param name="Previous">"Previous period: 1.00 s", or "" when there is nothing to compare with: a change means little without what it changed from.</param>
public sealed record LatencyCard(string Title, string Value, string Change, string Tone, string Previous);

/// <summary>The latency report's cards, worded in one place.</summary>
public static class LatencyCards
{
    public static IReadOnlyList<LatencyCard> For(LatencySummary current, LatencySummary? previous, double sloMs)
    {
        // With no runs now or before, a change would compare nothing.
        previous = current.Runs == 0 || previous?.Runs == 0 ? null : previous;
        return
        [
            new("Runs", DisplayFormat.Count(current.Runs), previous is null ? "" : Relative(current.Runs, previous.Runs), "",
                previous is null ? "" : PreviousText(DisplayFormat.Count(previous.Runs))),
            Card("p95 latency", current.P95Ms, previous?.P95Ms, DisplayFormat.Duration, relative: true),
            Card("Error rate", current.ErrorRate, previous?.ErrorRate, CompareFormat.Percent, relative: false),
            Card($"Over the SLO ({DisplayFormat.Duration(sloMs)})", current.OverSloShare, previous?.OverSloShare, CompareFormat.Percent, relative: false),
        ];
    }

    /// <summary>Higher is worse for every card but the run count.</summary>
    private static LatencyCard Card(string title, double now, double? before, Func<double, string> format, bool relative)
    {
        if (before is not { } then || double.IsNaN(then) || double.IsNaN(now))
        {
            return new(title, format(now), "", "", "");
        }

        var change = relative ? Relative(now, then) : $"{(now >= then ? "+" : "−")}{Math.Abs(now - then) * 100:0.#} pp vs previous period";
        return new(title, format(now), change, now > then ? "worse" : now < then ? "better" : "", PreviousText(format(then)));
    }

    private static string PreviousText(string value) => $"Previous period: {value}";

    private static string Relative(double now, double then) =>
        then == 0 ? "no previous runs" : $"{(now >= then ? "+" : "−")}{Math.Abs(now - then) / then * 100:0.#} % vs previous period";
}
