using TraceExplorer.Core.Explain;
using TraceExplorer.Core.Statistics;

namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// From the database's counts to the ranked list: shares, lift, a two-proportion test per value with Holm's correction
/// over all of them, values explained by a higher-ranked one, and pairs that explain more together.
/// </summary>
public static class ExplainRanking
{
    /// <summary>Pairs are looked for among this many of the best-explaining values.</summary>
    public const int PairCandidates = 6;

    /// <summary>A pair is reported when its lift is at least this many times that of each of its values alone.</summary>
    public const double PairLiftGain = 1.5;

    /// <summary>A pair must cover at least this share of the symptom's runs.</summary>
    public const double PairMinShare = 0.1;

    public static IReadOnlyList<ExplainCount> Singles(IReadOnlyList<ExplainCombination> combinations) =>
        ExplainDimensions.Run
            .SelectMany((dimension, i) => combinations.Where(c => c.Values[i] is not null).GroupBy(c => c.Values[i]!)
                .Select(g => new ExplainCount(dimension, g.Key, g.Where(c => c.Symptom).Sum(c => c.Runs), g.Where(c => !c.Symptom).Sum(c => c.Runs))))
            .ToList();

    /// <summary>The symptom and baseline runs that carry both values.</summary>
    public static (long Symptom, long Baseline) Both(IReadOnlyList<ExplainCombination> combinations, ExplainKey first, ExplainKey second)
    {
        var both = combinations.Where(c => c.Has(first) && c.Has(second)).ToList();
        return (both.Where(c => c.Symptom).Sum(c => c.Runs), both.Where(c => !c.Symptom).Sum(c => c.Runs));
    }

    /// <summary>
    /// Every value not in nearly every run of both sides, tested and ranked: most of the symptom explained first, a tie
    /// to the earlier dimension (a version before a route, a model, an agent).
    /// </summary>
    /// <param name="family">All counts tested together, for Holm's correction; the values ranked are those of <paramref name="counts"/>.</param>
    public static IReadOnlyList<ExplainValue> Rank(IReadOnlyList<ExplainCount> counts, IReadOnlyList<ExplainCount> family, long symptomTotal, long baselineTotal)
    {
        var tested = family.Where(c => !ExplainShares.InNearlyEveryRun(c.Symptom, symptomTotal, c.Baseline, baselineTotal))
            .Select(c => (Count: c, Test: TwoProportions.Test(c.Baseline, baselineTotal, c.Symptom, symptomTotal)))
            .ToList();
        var trusted = tested.Where(t => !t.Test.SmallSample && !double.IsNaN(t.Test.P)).ToList();
        var adjusted = MultipleComparisons.HolmAdjusted(trusted.Select(t => t.Test.P).ToList());
        var adjustedOf = trusted.Select((t, i) => (t.Count, P: adjusted[i])).ToDictionary(t => t.Count, t => t.P);
        var ranked = counts.ToHashSet();
        return tested.Where(t => ranked.Contains(t.Count))
            .Select(t =>
            {
                var c = t.Count;
                var adjustedP = adjustedOf.GetValueOrDefault(c, 1);
                return new ExplainValue(
                    c.Dimension, c.Value, c.Symptom, c.Baseline,
                    ExplainShares.Share(c.Symptom, symptomTotal), ExplainShares.Share(c.Baseline, baselineTotal),
                    ExplainShares.Lift(c.Symptom, symptomTotal, c.Baseline, baselineTotal),
                    ExplainShares.Explains(c.Symptom, symptomTotal, c.Baseline, baselineTotal),
                    t.Test.P, adjustedP, Significant: adjustedOf.ContainsKey(c) && adjustedP < 0.05 && t.Test.Z > 0);
            })
            .OrderByDescending(v => v.Explains).ThenBy(v => Order(v.Dimension)).ThenBy(v => v.Value, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Marks each significant value that a higher-ranked cause accounts for: among the runs without that cause, the
    /// value is no longer significantly more common in the symptom (a benign version that rolled out before the bad
    /// one is common among the bad runs only because the bad one came later).
    /// </summary>
    public static IReadOnlyList<ExplainValue> ExplainAway(
        IReadOnlyList<ExplainValue> ranked, Func<ExplainKey, ExplainKey, (long Symptom, long Baseline)> both, long symptomTotal, long baselineTotal)
    {
        var causes = new List<ExplainValue>();
        var result = new List<ExplainValue>(ranked.Count);
        foreach (var value in ranked)
        {
            var by = value.Significant
                ? causes.FirstOrDefault(cause => !StillApartWithout(value, cause, both(value.Key, cause.Key), symptomTotal, baselineTotal))
                : null;
            if (value.Significant && by is null)
            {
                causes.Add(value);
            }

            result.Add(by is null ? value : value with { ExplainedBy = by.Key.ToString() });
        }

        return result;
    }

    /// <summary>Pairs of values of different dimensions among the best-explaining ones that together set the symptom apart far more than alone.</summary>
    public static IReadOnlyList<ExplainPair> Pairs(
        IReadOnlyList<ExplainValue> ranked, Func<ExplainKey, ExplainKey, (long Symptom, long Baseline)> both, long symptomTotal, long baselineTotal)
    {
        var candidates = ranked.Where(v => v.SymptomShare > v.BaselineShare).Take(PairCandidates).ToList();
        var pairs = new List<(ExplainValue First, ExplainValue Second)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                if (candidates[i].Dimension != candidates[j].Dimension)
                {
                    pairs.Add((candidates[i], candidates[j]));
                }
            }
        }

        var found = new List<ExplainPair>();
        foreach (var (first, second) in pairs)
        {
            var (symptom, baseline) = both(first.Key, second.Key);
            var test = TwoProportions.Test(baseline, baselineTotal, symptom, symptomTotal);
            var lift = ExplainShares.Lift(symptom, symptomTotal, baseline, baselineTotal);
            var alone = Math.Max(first.Lift, second.Lift);
            if (!test.SmallSample && test.Z > 0 && test.P < 0.05 / pairs.Count && double.IsFinite(alone) && lift >= PairLiftGain * alone
                && ExplainShares.Share(symptom, symptomTotal) >= PairMinShare)
            {
                found.Add(new ExplainPair(first.Key, second.Key, symptom, baseline, ExplainShares.Share(symptom, symptomTotal),
                    ExplainShares.Share(baseline, baselineTotal), lift, ExplainShares.Explains(symptom, symptomTotal, baseline, baselineTotal), test.P));
            }
        }

        return found.OrderByDescending(p => p.Explains).ToList();
    }

    private static bool StillApartWithout(ExplainValue value, ExplainValue cause, (long Symptom, long Baseline) both, long symptomTotal, long baselineTotal)
    {
        var test = TwoProportions.Test(
            value.BaselineRuns - both.Baseline, baselineTotal - cause.BaselineRuns, value.SymptomRuns - both.Symptom, symptomTotal - cause.SymptomRuns);
        return test.Significant() && test.Z > 0;
    }

    private static int Order(ExplainDimension dimension)
    {
        var index = ExplainDimensions.Run.ToList().IndexOf(dimension);
        return index >= 0 ? index : ExplainDimensions.Run.Count + (int)dimension;
    }
}
