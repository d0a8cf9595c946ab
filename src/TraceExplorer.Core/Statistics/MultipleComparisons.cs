namespace TraceExplorer.Core.Statistics;

/// <summary>
/// A comparison page runs many tests at once (ten metrics, three per step group); at 5 % each, a benign change
/// would flag something most of the time. Holm's step-down method keeps the chance of any false flag at alpha.
/// </summary>
public static class MultipleComparisons
{
    /// <returns>For each p-value, whether its hypothesis is rejected at family-wise error rate <paramref name="alpha"/>.</returns>
    public static bool[] Holm(IReadOnlyList<double> pValues, double alpha = 0.05)
    {
        var rejected = new bool[pValues.Count];
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToList();
        for (var rank = 0; rank < order.Count; rank++)
        {
            if (pValues[order[rank]] > alpha / (order.Count - rank))
            {
                break;
            }

            rejected[order[rank]] = true;
        }

        return rejected;
    }

    /// <summary>
    /// Holm-adjusted p-values: each the smallest family-wise level at which its hypothesis would be rejected, so a
    /// table can show one number per test and compare it with 0.05 (monotone in the raw p-values, at most 1).
    /// </summary>
    public static double[] HolmAdjusted(IReadOnlyList<double> pValues)
    {
        var adjusted = new double[pValues.Count];
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToList();
        var running = 0.0;
        for (var rank = 0; rank < order.Count; rank++)
        {
            running = Math.Max(running, Math.Min(1, (order.Count - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>
    /// Which of <paramref name="tests"/> are significant as a family: small samples are never claimed and do not
    /// count towards the family; the same test object listed twice counts once.
    /// </summary>
    public static IReadOnlySet<TestResult> Significant(IEnumerable<TestResult?> tests, double alpha = 0.05)
    {
        IEqualityComparer<TestResult> byReference = ReferenceEqualityComparer.Instance;
        var family = tests.OfType<TestResult>().Where(t => !t.SmallSample && !double.IsNaN(t.P)).Distinct(byReference).ToList();
        var rejected = Holm(family.Select(t => t.P).ToList(), alpha);
        return family.Where((_, i) => rejected[i]).ToHashSet(byReference);
    }
}
