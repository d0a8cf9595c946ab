namespace TraceExplorer.Core.Explain;

/// <summary>
/// When a rate rose: the single change point of a binomial rate over an hourly series, found by maximum likelihood
/// (the split where "one rate before, another after" fits best against "one rate throughout").
/// </summary>
public static class RateChangePoint
{
    /// <summary>
    /// Twice the log-likelihood gain a split must reach to count: 13.8 is the 0.1 % point of a chi-square with one
    /// degree of freedom, strict because the best of many splits is taken.
    /// </summary>
    public const double MinLikelihoodRatio = 13.8;

    /// <summary>Each side of a split needs this many runs, so one odd hour at either end is not a change.</summary>
    public const long MinTrialsPerSide = 20;

    /// <param name="series">Events (symptom runs) and trials (all runs) per bucket, in time order.</param>
    /// <returns>The first bucket of the higher rate, or null when no split raises the rate significantly.</returns>
    public static RateChange? FindRise(IReadOnlyList<(long Events, long Trials)> series)
    {
        var (events, trials) = (series.Sum(b => b.Events), series.Sum(b => b.Trials));
        var whole = LogLikelihood(events, trials);
        RateChange? best = null;
        long eventsBefore = 0, trialsBefore = 0;
        for (var split = 1; split < series.Count; split++)
        {
            eventsBefore += series[split - 1].Events;
            trialsBefore += series[split - 1].Trials;
            var (eventsAfter, trialsAfter) = (events - eventsBefore, trials - trialsBefore);
            if (trialsBefore < MinTrialsPerSide || trialsAfter < MinTrialsPerSide)
            {
                continue;
            }

            var (before, after) = ((double)eventsBefore / trialsBefore, (double)eventsAfter / trialsAfter);
            var ratio = 2 * (LogLikelihood(eventsBefore, trialsBefore) + LogLikelihood(eventsAfter, trialsAfter) - whole);
            if (after > before && ratio >= MinLikelihoodRatio && (best is null || ratio > best.LikelihoodRatio))
            {
                best = new RateChange(split, before, after, ratio);
            }
        }

        return best;
    }

    /// <summary>The binomial log-likelihood of <paramref name="events"/> in <paramref name="trials"/> at their own rate.</summary>
    public static double LogLikelihood(long events, long trials)
    {
        if (trials == 0 || events == 0 || events == trials)
        {
            return 0;
        }

        var p = (double)events / trials;
        return (events * Math.Log(p)) + ((trials - events) * Math.Log(1 - p));
    }
}
