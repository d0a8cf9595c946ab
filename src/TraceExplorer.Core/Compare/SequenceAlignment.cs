namespace TraceExplorer.Core.Compare;

/// <summary>
/// Aligns two sequences by their keys (a longest common subsequence): equal keys pair up in order, the rest are
/// insertions and deletions. Exact up to <see cref="MaxCells"/> comparisons; beyond that, pairs by position.
/// </summary>
public static class SequenceAlignment
{
    public const long MaxCells = 4_000_000;

    /// <returns>Pairs of indexes in order: (a, b) both set for a match, one null for a step only one side has.</returns>
    public static IReadOnlyList<(int? A, int? B)> Align(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if ((long)a.Count * b.Count > MaxCells)
        {
            return Enumerable.Range(0, Math.Max(a.Count, b.Count))
                .Select(i => ((int?)(i < a.Count ? i : null), (int?)(i < b.Count ? i : null)))
                .ToList();
        }

        // lengths[i, j] = LCS length of a[i..] and b[j..], filled from the end so the walk below goes forward.
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int?, int?)>(Math.Max(a.Count, b.Count));
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                pairs.Add((x++, y++));
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                pairs.Add((x++, null));
            }
            else
            {
                pairs.Add((null, y++));
            }
        }

        while (x < a.Count)
        {
            pairs.Add((x++, null));
        }

        while (y < b.Count)
        {
            pairs.Add((null, y++));
        }

        return pairs;
    }
}
