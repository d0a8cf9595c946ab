using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// Where the time goes: steps grouped by kind, name, tool or model. Over steps alone the percentiles are exact,
/// computed by the database; where the range covers rolled-up hours they are read from duration histograms, within
/// 1 %, and the steps of the rest of the range join them bucketed the same way (see <see cref="ReportScope"/>).
/// </summary>
public sealed class SlowStepQueries(AnalyticsContextFactory contextFactory, TimeProvider clock)
{
    public const int MaxSeries = 8;

    /// <summary>The most runs the drill-down lists: the rollups keep this many slowest runs per group and hour.</summary>
    public const int MaxSlowestRuns = 20;

    public async Task<IReadOnlyList<SlowStepGroup>> GetGroupsAsync(RunFilter filter, StepGrouping grouping, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var group = StepGroupingSql.Column(grouping);
        var dialect = query.Dialect;
        if (scope.HasRollups)
        {
            AppendHistogram(query, scope, grouping, only: null, bucket: null, days: true);
            query.Append($"""
                ranked AS (SELECT g, b, n, f, v, top, {HistogramPercentileSql.RankColumns("g")} FROM hist),
                estimated AS (
                    SELECT g, MAX(total) AS total, {HistogramPercentileSql.Of(dialect, 50)} AS p50, {HistogramPercentileSql.Of(dialect, 95)} AS p95,
                        {HistogramPercentileSql.Of(dialect, 99)} AS p99, MAX(top) AS top, SUM(f) AS f, SUM(v) AS v
                    FROM ranked GROUP BY g)
                SELECT g, total, {AtMostTop("p50")}, {AtMostTop("p95")}, {AtMostTop("p99")}, top, f, v FROM estimated ORDER BY v DESC
                """);
        }
        else
        {
            query.Append($"""
                WITH grouped AS (
                    SELECT {group} AS g, s."DurationMs" AS v, {StepGroup.FailedSql("s")} AS failed
                    FROM {scope.StepsFrom}
                    WHERE {group} IS NOT NULL AND {scope.StepsWhere}),
                ranked AS (SELECT g, v, failed, {PercentileSql.RankColumns("v", "g")} FROM grouped)
                SELECT g, COUNT(*), {PercentileSql.Of(dialect, "v", 50)}, {PercentileSql.Of(dialect, "v", 95)}, {PercentileSql.Of(dialect, "v", 99)},
                    MAX(v), SUM(failed), SUM(v)
                FROM ranked GROUP BY g
                ORDER BY SUM(v) DESC
                """);
        }

        return await query.ReadAsync(db, reader => new SlowStepGroup(
            reader.GetString(0), reader.Long(1), reader.Double(2), reader.Double(3), reader.Double(4), reader.Double(5), reader.Long(6), reader.Double(7),
            scope.HasRollups), cancellationToken);
    }

    /// <summary>The p95 of each of <paramref name="groups"/> per day (per hour over three days or less), by the time the runs started.</summary>
    public async Task<IReadOnlyList<DailyValue>> GetP95SeriesAsync(RunFilter filter, StepGrouping grouping, IReadOnlyList<string> groups, TimeBucket bucket, CancellationToken cancellationToken = default)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var group = StepGroupingSql.Column(grouping);
        var names = string.Join(", ", groups.Take(MaxSeries).Select(g => query.Parameter(g)));
        if (scope.HasRollups)
        {
            // A daily rollup cannot be split into hours: an hourly series reads the hourly rollups only.
            AppendHistogram(query, scope, grouping, only: names, bucket, days: bucket == TimeBucket.Day);
            query.Append($"""
                ranked AS (SELECT g, tb, b, n, {HistogramPercentileSql.RankColumns("g, tb")} FROM hist)
                SELECT g, tb, {HistogramPercentileSql.Of(query.Dialect, 95)} FROM ranked GROUP BY g, tb ORDER BY g, tb
                """);
        }
        else
        {
            query.Append($"""
                WITH grouped AS (
                    SELECT {group} AS g, {query.Dialect.Bucket("r.\"StartTime\"", bucket)} AS tb, s."DurationMs" AS v
                    FROM {scope.StepsWithRunsFrom}
                    WHERE {group} IN ({names}) AND {scope.StepsWhere}),
                ranked AS (SELECT g, tb, v, {PercentileSql.RankColumns("v", "g, tb")} FROM grouped)
                SELECT g, tb, {PercentileSql.Of(query.Dialect, "v", 95)} FROM ranked GROUP BY g, tb ORDER BY g, tb
                """);
        }

        return await query.ReadAsync(db, reader => new DailyValue(reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Double(2)), cancellationToken);
    }

    /// <summary>The runs with the slowest steps of a group, slowest first, at most <see cref="MaxSlowestRuns"/>.</summary>
    public async Task<IReadOnlyList<SlowStepRun>> GetSlowestRunsAsync(RunFilter filter, StepGrouping grouping, string group, int limit, CancellationToken cancellationToken = default)
    {
        limit = Math.Min(limit, MaxSlowestRuns);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var column = StepGroupingSql.Column(grouping);
        var name = query.Parameter(group);
        query.Append($"""
            WITH candidates AS (
                SELECT s."RunId" AS run_id, s."StepNumber" AS step, s."StartTime" AS started, s."DurationMs" AS v, {StepGroup.FailedSql("s")} AS failed
                FROM {scope.StepsFrom}
                WHERE {column} = {name} AND {scope.StepsWhere}
            """);
        if (scope.HasRollups)
        {
            query.Append($"""

                UNION ALL
                SELECT t."RunId", t."StepNumber", t."StartTime", t."DurationMs", CASE WHEN t."Failed" THEN 1 ELSE 0 END
                FROM rollup_slowest_steps t JOIN runs r ON r."RunId" = t."RunId"
                WHERE {StepGroupingSql.Column(grouping, "t")} = {name} AND {scope.RunRollupWhere("t")}
                """);
        }

        query.Append($"""
            )
            SELECT run_id, step, started, v, failed FROM candidates ORDER BY v DESC, run_id LIMIT {query.Parameter(limit * 4)}
            """);
        var steps = await query.ReadAsync(db, reader => new SlowStepRun(
            reader.GetString(0), reader.GetInt32(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc), reader.GetDouble(3), reader.Long(4) == 1), cancellationToken);

        // One row per run: its slowest step of the group.
        return steps.DistinctBy(s => s.RunId).Take(limit).ToList();
    }

    /// <summary>An estimate no larger than the group's exact maximum (a bucket's value can be up to 1 % above it).</summary>
    private static string AtMostTop(string column) => $"CASE WHEN {column} > top THEN top ELSE {column} END";

    /// <summary>
    /// Opens a WITH clause with the CTE <c>hist</c> (g, tb, b, n, f, v, top): per group (and time bucket, when asked),
    /// per duration bucket, the steps, failures, total and longest duration, from the steps outside the rolled-up
    /// hours bucketed here and from the hourly and (when <paramref name="days"/>) daily rollups. Ends with a comma.
    /// <paramref name="only"/>, when set, is a list of parameters naming the groups to keep.
    /// </summary>
    private static void AppendHistogram(SqlQuery query, ReportScope scope, StepGrouping grouping, string? only, TimeBucket? bucket, bool days)
    {
        var group = StepGroupingSql.Column(grouping);
        var (dayRanges, hourRanges) = days ? scope.Coverage.SplitDays() : ([], scope.Coverage.Rollups);
        string Time(string column) => bucket is { } b ? query.Dialect.Bucket(column, b) : "NULL";
        string InGroups(string column) => only is null ? $"{column} IS NOT NULL" : $"{column} IN ({only})";
        string GroupBy(string column) => bucket is null ? "" : ", " + query.Dialect.Bucket(column, bucket.Value);
        string Rollup(string table, IReadOnlyList<RunTimeRange> ranges)
        {
            var rollupGroup = StepGroupingSql.Column(grouping, "u");
            return $"""

                UNION ALL
                SELECT {rollupGroup}, {Time("u.\"Hour\"")}, u."Bucket", SUM(u."Steps"), SUM(u."Failures"), SUM(u."TotalMs"), MAX(u."MaxMs")
                FROM {table} u
                WHERE {InGroups(rollupGroup)} AND {scope.RollupWhere("u", ranges)}
                GROUP BY {rollupGroup}{GroupBy("u.\"Hour\"")}, u."Bucket"
                """;
        }

        var durationBucket = DurationHistogram.BucketSql("s.\"DurationMs\"");
        query.Append($"""
            WITH parts AS (
                SELECT {group} AS g, {Time("r.\"StartTime\"")} AS tb, {durationBucket} AS b, COUNT(*) AS n, SUM({StepGroup.FailedSql("s")}) AS f,
                    SUM(s."DurationMs") AS v, MAX(s."DurationMs") AS top
                FROM {scope.StepsFrom}
                WHERE {InGroups(group)} AND {scope.StepsWhere}
                GROUP BY {group}{GroupBy("r.\"StartTime\"")}, {durationBucket}
            """);
        if (hourRanges.Count > 0)
        {
            query.Append(Rollup("rollup_step_hours", hourRanges));
        }

        if (dayRanges.Count > 0)
        {
            query.Append(Rollup("rollup_step_days", dayRanges));
        }

        query.Append("""
            ),
            hist AS (SELECT g, tb, b, SUM(n) AS n, SUM(f) AS f, SUM(v) AS v, MAX(top) AS top FROM parts GROUP BY g, tb, b),

            """);
    }
}
