using TraceExplorer.Storage.Analytics.Compare;

namespace TraceExplorer.Web.Model;

/// <summary>How a comparison's headline reads, and whether it may show a tick.</summary>
public enum VerdictTone
{
    /// <summary>Some metric is significantly worse in B.</summary>
    Worse,

    /// <summary>Tested, and no metric is significantly worse.</summary>
    NoneWorse,

    /// <summary>Nothing could be tested: too few runs. Never shown as good news.</summary>
    Neutral,
}

/// <summary>
/// The comparison's headline: which metrics are worse, better, or not testable. Pure, so that the rule "no claim
/// without data" is written (and tested) once: with too few runs on either side it says so, and nothing else.
/// </summary>
public sealed record CompareVerdict(VerdictTone Tone, string Text)
{
    public static CompareVerdict Of(CohortComparison comparison)
    {
        if (!comparison.EnoughRuns)
        {
            return new(VerdictTone.Neutral,
                $"Not enough runs to tell (A {comparison.RunsA}, B {comparison.RunsB}): each side needs at least {comparison.MinRuns} runs.");
        }

        static string Names(IEnumerable<CohortMetric> metrics) => string.Join(", ", metrics.Select(m => m.Name.ToLowerInvariant()));
        var worse = comparison.Metrics.Where(m => m.Regressed).ToList();
        var better = comparison.Metrics.Where(m => m.Improved).ToList();
        var untestable = comparison.Metrics.Where(m => m.NotTestable).ToList();
        var tested = comparison.Metrics.Count(m => m.Test is not null && !m.NotTestable);

        var parts = new List<string> { worse.Count > 0 ? $"B is worse on {Names(worse)}." : "No metric is significantly worse in B." };
        if (better.Count > 0)
        {
            parts.Add($"Better on {Names(better)}.");
        }

        if (untestable.Count > 0)
        {
            parts.Add($"Not testable (too few to count): {Names(untestable)}.");
        }

        var tone = worse.Count > 0 ? VerdictTone.Worse : tested > 0 ? VerdictTone.NoneWorse : VerdictTone.Neutral;
        return new(tone, string.Join(" ", parts));
    }
}
