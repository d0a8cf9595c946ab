namespace TraceExplorer.Core.Statistics;

public static class Percentiles
{
    /// <summary>The p-th percentile (0–100) by linear interpolation between closest ranks (the common "type 7" definition).</summary>
    public static double Of(IReadOnlyList<double> sortedValues, double percentile)
    {
        if (sortedValues.Count == 0)
        {
            return double.NaN;
        }

        var position = Math.Clamp(percentile, 0, 100) / 100 * (sortedValues.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sortedValues.Count - 1);
        return sortedValues[lower] + ((position - lower) * (sortedValues[upper] - sortedValues[lower]));
    }
}
