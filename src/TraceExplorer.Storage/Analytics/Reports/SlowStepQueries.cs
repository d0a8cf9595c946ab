using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Where the time goes: steps grouped by kind, name, tool or model, with exact percentiles computed by the database.</summary>
public sealed class SlowStepQueries(AnalyticsContextFactory contextFactory)
{
    public const int MaxSeries = 8;

    public async Task<IReadOnlyList<SlowStepGroup>> GetGroupsAsync(RunFilter filter, StepGrouping grouping, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var group = StepGroupingSql.Column(grouping);
        var dialect = query.Dialect;
        query.Append($"""
            WITH grouped AS (
                SELECT {group} AS g, s."DurationMs" AS v, {StepGroup.FailedSql("s")} AS failed
                FROM {RunFilterSql.StepsOf(filter)}
                WHERE {group} IS NOT NULL AND {where}),
            ranked AS (SELECT g, v, failed, {PercentileSql.RankColumns("v", "g")} FROM grouped)
            SELECT g, COUNT(*), {PercentileSql.Of(dialect, "v", 50)}, {PercentileSql.Of(dialect, "v", 95)}, {PercentileSql.Of(dialect, "v", 99)},
                MAX(v), SUM(failed), SUM(v)
            FROM ranked GROUP BY g
            ORDER BY SUM(v) DESC
            """);
        return await query.ReadAsync(db, reader => new SlowStepGroup(
            reader.GetString(0), reader.Long(1), reader.Double(2), reader.Double(3), reader.Double(4), reader.Double(5), reader.Long(6), reader.Double(7)), cancellationToken);
    }

    /// <summary>The p95 of each of <paramref name="groups"/> per day (per hour over three days or less).</summary>
    public async Task<IReadOnlyList<DailyValue>> GetP95SeriesAsync(RunFilter filter, StepGrouping grouping, IReadOnlyList<string> groups, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var group = StepGroupingSql.Column(grouping);
        var names = string.Join(", ", groups.Take(MaxSeries).Select(g => query.Parameter(g)));
        query.Append($"""
            WITH grouped AS (
                SELECT {group} AS g, {query.Dialect.Bucket("s.\"StartTime\"", bucket)} AS bucket, s."DurationMs" AS v
                FROM {RunFilterSql.StepsOf(filter)}
                WHERE {group} IN ({names}) AND {where}),
            ranked AS (SELECT g, bucket, v, {PercentileSql.RankColumns("v", "g, bucket")} FROM grouped)
            SELECT g, bucket, {PercentileSql.Of(query.Dialect, "v", 95)} FROM ranked GROUP BY g, bucket ORDER BY g, bucket
            """);
        return await query.ReadAsync(db, reader => new DailyValue(reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Double(2)), cancellationToken);
    }

    /// <summary>The runs with the slowest steps of a group, slowest first.</summary>
    public async Task<IReadOnlyList<SlowStepRun>> GetSlowestRunsAsync(RunFilter filter, StepGrouping grouping, string group, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var column = StepGroupingSql.Column(grouping);
        query.Append($"""
            SELECT s."RunId", s."StepNumber", s."StartTime", s."DurationMs", {StepGroup.FailedSql("s")}
            FROM {RunFilterSql.StepsOf(filter)}
            WHERE {column} = {query.Parameter(group)} AND {where}
            ORDER BY s."DurationMs" DESC, s."RunId"
            LIMIT {query.Parameter(limit * 4)}
            """);
        var steps = await query.ReadAsync(db, reader => new SlowStepRun(
            reader.GetString(0), reader.GetInt32(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc), reader.GetDouble(3), reader.Long(4) == 1), cancellationToken);

        // One row per run: its slowest step of the group.
        return steps.DistinctBy(s => s.RunId).Take(limit).ToList();
    }
}
