using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// The runs filter as a SQL condition for the analytics queries, which aggregate with SQL that LINQ cannot express
/// (window functions). It follows <see cref="RunFilterQuery"/> field by field, loops over the same <see cref="RunDimension"/>s, and shares what happened in a run with it (<see cref="InsideRunSql"/>); free text is not an analytics filter.
/// </summary>
public static class RunFilterSql
{
    /// <returns>A condition over the runs table under <paramref name="alias"/>; "1 = 1" when nothing is set.</returns>
    public static string Where(SqlQuery query, RunFilter filter, string alias = "r")
    {
        var conditions = new List<string> { "1 = 1" };
        if (filter.From is { } from)
        {
            conditions.Add($"""{alias}."StartTime" >= {query.Parameter(from)}""");
        }

        if (filter.To is { } to)
        {
            conditions.Add($"""{alias}."StartTime" < {query.Parameter(to)}""");
        }

        if (filter.Status is { } status)
        {
            conditions.Add($"""{alias}."Status" = {query.Parameter(status.ToString())}""");
        }

        if (filter.MinDurationMs is { } minDuration)
        {
            conditions.Add($"""{alias}."DurationMs" >= {query.Parameter(minDuration)}""");
        }

        foreach (var dimension in RunDimension.All.Where(d => !d.IsList))
        {
            AddEquals(conditions, query, Column(alias, dimension.Column), dimension.Filter(filter));
        }

        if (!string.IsNullOrEmpty(filter.Model))
        {
            conditions.Add(UsedModel(query, filter.Model, alias));
        }

        conditions.AddRange(InsideRunSql.Conditions(query, filter, alias));
        return string.Join(" AND ", conditions);
    }

    /// <summary>
    /// The steps table, joined to its runs only when the filter selects runs: a report over every run reads the
    /// steps alone instead of looking up a run for each of a million steps.
    /// </summary>
    public static string StepsOf(RunFilter filter) => filter == new RunFilter() ? "steps s" : StepsWithRuns;

    /// <summary>The steps table (alias s) joined to its runs (alias r).</summary>
    public const string StepsWithRuns = "steps s JOIN runs r ON r.\"RunId\" = s.\"RunId\"";

    /// <summary>The run used this model (see <see cref="ModelListPattern"/>).</summary>
    public static string UsedModel(SqlQuery query, string model, string alias = "r")
    {
        var (first, middle, last) = ModelListPattern.For(model);
        var column = Column(alias, "Models");
        var escape = $"ESCAPE '{LikePattern.EscapeCharacter}'";
        return $"({column} = {query.Parameter(model)} OR {column} LIKE {query.Parameter(first)} {escape}"
            + $" OR {column} LIKE {query.Parameter(middle)} {escape} OR {column} LIKE {query.Parameter(last)} {escape})";
    }

    /// <summary>A quoted column of the table under an alias; the schema's names are PascalCase on both providers.</summary>
    public static string Column(string alias, string name) => $"{alias}.\"{name}\"";

    private static void AddEquals(List<string> conditions, SqlQuery query, string column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            conditions.Add($"{column} = {query.Parameter(value)}");
        }
    }
}
