namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// The Mann–Whitney U test's inputs in SQL: each row's rank within the pooled samples of its group (ties share their
/// mean rank) and the size of its tie group. Summing the ranks of one sample and Σ(t² − 1) over all rows gives what
/// <see cref="Core.Statistics.MannWhitney.FromRankSum"/> needs, without reading the samples out of the database.
/// </summary>
public static class RankSumSql
{
    /// <summary>The window columns <c>{name}_rank</c> and <c>{name}_ties</c>; <paramref name="partition"/> is null for one pooled group.</summary>
    public static string Columns(string value, string name, string? partition = null)
    {
        var byGroup = partition is null ? "" : $"PARTITION BY {partition} ";
        var byValue = partition is null ? value : $"{partition}, {value}";
        return $"RANK() OVER ({byGroup}ORDER BY {value}) + ((COUNT(*) OVER (PARTITION BY {byValue}) - 1) / 2.0) AS {name}_rank, "
            + $"COUNT(*) OVER (PARTITION BY {byValue}) AS {name}_ties";
    }

    /// <summary>
    /// The same columns from a named window ordered by <paramref name="value"/>, so that they share its sort with
    /// other columns over that window: the tie count is the number of peers of the row in that order.
    /// </summary>
    public static string SharedSortColumns(string value, string window) =>
        $"RANK() OVER {window} + ((COUNT(*) OVER ({window} RANGE BETWEEN CURRENT ROW AND CURRENT ROW) - 1) / 2.0) AS {value}_rank, "
        + $"COUNT(*) OVER ({window} RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS {value}_ties";

    /// <summary>The rank sum of the rows where <paramref name="inSample"/> holds.</summary>
    public static string RankSum(string name, string inSample) => $"SUM(CASE WHEN {inSample} THEN {name}_rank ELSE 0 END)";

    /// <summary>Σ(t³ − t) over tie groups, as Σ(t² − 1) over their rows.</summary>
    public static string TieTerm(string name) => $"SUM(({name}_ties * {name}_ties) - 1.0)";
}
