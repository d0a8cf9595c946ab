namespace TraceExplorer.Storage.Analytics.Explain;

/// <summary>
/// How many runs of one side share one combination of run dimensions (<see cref="Values"/> in the order of
/// <see cref="ExplainDimensions.Run"/>). The database groups the runs by all of them at once; every single value's
/// count and every pair's is a sum over these rows.
/// </summary>
public sealed record ExplainCombination(bool Symptom, IReadOnlyList<string?> Values, long Runs)
{
    public bool Has(ExplainKey key)
    {
        var index = ExplainDimensionsIndex(key.Dimension);
        return index >= 0 && Values[index] == key.Value;
    }

    private static int ExplainDimensionsIndex(ExplainDimension dimension)
    {
        for (var i = 0; i < ExplainDimensions.Run.Count; i++)
        {
            if (ExplainDimensions.Run[i] == dimension)
            {
                return i;
            }
        }

        return -1;
    }
}
