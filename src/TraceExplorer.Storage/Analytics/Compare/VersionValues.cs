using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Compare;

/// <summary>
/// The values a run column (a version, the route) took per agent, with when each was first and last seen and in how
/// many runs, all exact: the rolled-up days and hours count the runs, the runs outside them are read one by one, and
/// the first and last run of a value within a rolled-up hour or day is looked up by the column's time index.
/// </summary>
internal static class VersionValues
{
    public static async Task<IReadOnlyList<AgentValue>> ReadAsync(TraceDbContext db, string column, RunFilter filter, DateTime utcNow, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, utcNow, cancellationToken);
        var runColumn = RunFilterSql.Column("r", column);
        query.Append($"""
            SELECT r."AgentName" AS agent, {runColumn} AS value, MIN(r."StartTime") AS first, MAX(r."StartTime") AS last, COUNT(*) AS n, 0 AS span
            FROM runs r WHERE {runColumn} IS NOT NULL AND {scope.RunsWhere}
            GROUP BY r."AgentName", {runColumn}
            """);
        var (days, hours) = scope.Coverage.SplitDays();
        foreach (var (table, ranges, span) in new[] { ("rollup_run_days", days, 24), ("rollup_run_hours", hours, 1) })
        {
            if (ranges.Count == 0)
            {
                continue;
            }

            var rollupColumn = RunFilterSql.Column("u", column);
            query.Append($"""

                UNION ALL
                SELECT u."AgentName", {rollupColumn}, MIN(u."Hour"), MAX(u."Hour"), SUM(u."Runs"), {span}
                FROM {table} u WHERE {rollupColumn} IS NOT NULL AND {scope.RollupWhere("u", ranges)}
                GROUP BY u."AgentName", {rollupColumn}
                """);
        }

        var parts = await query.ReadAsync(db, reader => new Part(
            reader.Text("agent"), reader.GetString(reader.GetOrdinal("value")), Utc(reader.GetDateTime(reader.GetOrdinal("first"))),
            Utc(reader.GetDateTime(reader.GetOrdinal("last"))), reader.Long("n"), TimeSpan.FromHours(reader.Long("span"))), cancellationToken);

        var values = new List<AgentValue>();
        foreach (var value in parts.GroupBy(p => (p.Agent, p.Value)))
        {
            // The earliest part holds the first run; when it is a rolled-up hour or day, the run is looked up in it.
            var first = value.OrderBy(p => p.First).ThenBy(p => p.Span).First();
            var last = value.OrderByDescending(p => p.Last + p.Span).ThenBy(p => p.Span).First();
            var firstSeen = first.Span == TimeSpan.Zero ? first.First : await EdgeAsync(db, column, filter, value.Key, first.First, first.Span, earliest: true, cancellationToken);
            var lastSeen = last.Span == TimeSpan.Zero ? last.Last : await EdgeAsync(db, column, filter, value.Key, last.Last, last.Span, earliest: false, cancellationToken);
            values.Add(new AgentValue(value.Key.Agent, value.Key.Value, firstSeen, lastSeen, value.Sum(p => p.Runs)));
        }

        return values;
    }

    /// <summary>The first (or last) start of the value's runs within [<paramref name="from"/>, + <paramref name="span"/>).</summary>
    private static async Task<DateTime> EdgeAsync(
        TraceDbContext db, string column, RunFilter filter, (string? Agent, string Value) value, DateTime from, TimeSpan span, bool earliest, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var inSpan = filter with { From = from, To = from + span };
        var runColumn = RunFilterSql.Column("r", column);
        query.Append($"""
            SELECT {(earliest ? "MIN" : "MAX")}(r."StartTime") FROM runs r
            WHERE {runColumn} = {query.Parameter(value.Value)} AND {CohortSql.Is(query, "r.\"AgentName\"", value.Agent)} AND {RunFilterSql.Where(query, inSpan)}
            """);
        var edge = await query.ReadAsync(db, reader => reader.IsDBNull(0) ? (DateTime?)null : Utc(reader.GetDateTime(0)), cancellationToken);
        return edge.FirstOrDefault() ?? (earliest ? from : from + span);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private sealed record Part(string? Agent, string Value, DateTime First, DateTime Last, long Runs, TimeSpan Span);
}
