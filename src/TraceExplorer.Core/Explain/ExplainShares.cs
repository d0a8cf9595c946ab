namespace TraceExplorer.Core.Explain;

/// <summary>
/// How strongly a value (a version, a route, a failing tool) sets the symptom's runs apart from the baseline's: the
/// share of each side that carries it, their ratio, and how much of the symptom it accounts for beyond what the
/// baseline would predict.
/// </summary>
public static class ExplainShares
{
    /// <summary>The share of <paramref name="total"/> runs that carry the value; 0 of none.</summary>
    public static double Share(long withValue, long total) => total == 0 ? 0 : (double)withValue / total;

    /// <summary>
    /// Symptom share over baseline share. A value no baseline run carries has infinite lift; one neither side carries
    /// has none (NaN).
    /// </summary>
    public static double Lift(long symptomWith, long symptomTotal, long baselineWith, long baselineTotal)
    {
        var (symptom, baseline) = (Share(symptomWith, symptomTotal), Share(baselineWith, baselineTotal));
        return baseline == 0 ? (symptom == 0 ? double.NaN : double.PositiveInfinity) : symptom / baseline;
    }

    /// <summary>
    /// The share of the symptom's runs the value explains: its share there less its share in the baseline (never
    /// below zero). A value every symptom run and no baseline run carries explains all of it (1); one as common on
    /// both sides explains nothing, however common it is.
    /// </summary>
    public static double Explains(long symptomWith, long symptomTotal, long baselineWith, long baselineTotal) =>
        Math.Max(0, Share(symptomWith, symptomTotal) - Share(baselineWith, baselineTotal));

    /// <summary>Below this share on neither side a value is too common to set anything apart ("every run used gpt-4o").</summary>
    public const double NearlyEveryRun = 0.95;

    /// <summary>Whether a value is present in almost every run of both sides: not a cause, and not worth a test.</summary>
    public static bool InNearlyEveryRun(long symptomWith, long symptomTotal, long baselineWith, long baselineTotal) =>
        Share(symptomWith, symptomTotal) >= NearlyEveryRun && Share(baselineWith, baselineTotal) >= NearlyEveryRun;
}
