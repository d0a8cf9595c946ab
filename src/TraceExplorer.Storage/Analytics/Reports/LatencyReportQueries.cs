using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// End-to-end run latency for product owners: percentiles per hour or day, errors, and the share over an SLO. Over
/// runs alone the percentiles are exact; where the range covers rolled-up hours they are read from duration
/// histograms, within 1 %, with the runs of the rest of the range bucketed the same way. Counts are always exact.
/// </summary>
public sealed class LatencyReportQueries(AnalyticsContextFactory contextFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<LatencyPoint>> GetSeriesAsync(RunFilter filter, LatencyGrouping grouping, TimeBucket bucket, double sloMs, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var slo = query.Parameter(sloMs);
        string Series(string alias) => $"COALESCE({SeriesColumn(grouping, alias)}, '(none)')";
        string Time(string column) => query.Dialect.Bucket(column, bucket);
        if (scope.HasRollups)
        {
            // A daily rollup cannot be split into hours: an hourly series reads the hourly rollups only.
            AppendHistogram(query, scope, Series, Time, days: bucket == TimeBucket.Day);
            query.Append($"""
                over_slo AS (
                    SELECT {Series("r")} AS series, {Time("r.\"StartTime\"")} AS tb, COUNT(*) AS runs
                    FROM runs r WHERE r."DurationMs" > {slo} AND {RunFilterSql.Where(query, filter)}
                    GROUP BY {Series("r")}, {Time("r.\"StartTime\"")}),
                ranked AS (SELECT series, tb, b, n, f, {HistogramPercentileSql.RankColumns("series, tb")} FROM hist),
                estimated AS (
                    SELECT series, tb, MAX(total) AS total, SUM(f) AS f, {HistogramPercentileSql.Of(query.Dialect, 50)} AS p50,
                        {HistogramPercentileSql.Of(query.Dialect, 95)} AS p95, {HistogramPercentileSql.Of(query.Dialect, 99)} AS p99
                    FROM ranked GROUP BY series, tb)
                SELECT e.series, e.tb, e.total, e.f, COALESCE(o.runs, 0), e.p50, e.p95, e.p99
                FROM estimated e LEFT JOIN over_slo o ON o.series = e.series AND o.tb = e.tb
                ORDER BY e.series, e.tb
                """);
        }
        else
        {
            query.Append($"""
                WITH bucketed AS (
                    SELECT {Series("r")} AS series, {Time("r.\"StartTime\"")} AS bucket, r."DurationMs" AS v,
                        {FailedRun.FlagSql("r")} AS failed
                    FROM runs r WHERE {scope.RunsWhere}),
                ranked AS (SELECT series, bucket, v, failed, {PercentileSql.RankColumns("v", "series, bucket")} FROM bucketed)
                SELECT series, bucket, COUNT(*), SUM(failed), SUM(CASE WHEN v > {slo} THEN 1 ELSE 0 END),
                    {PercentileSql.Of(query.Dialect, "v", 50)}, {PercentileSql.Of(query.Dialect, "v", 95)}, {PercentileSql.Of(query.Dialect, "v", 99)}
                FROM ranked GROUP BY series, bucket ORDER BY series, bucket
                """);
        }

        return await query.ReadAsync(db, reader => new LatencyPoint(
            reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Long(2), reader.Long(3), reader.Long(4),
            reader.Double(5), reader.Double(6), reader.Double(7), scope.HasRollups), cancellationToken);
    }

    /// <summary>Runs, failures, runs over the SLO and p95 of the runs in the filter.</summary>
    public async Task<LatencySummary> GetSummaryAsync(RunFilter filter, double sloMs, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var slo = query.Parameter(sloMs);
        if (scope.HasRollups)
        {
            AppendHistogram(query, scope, series: null, time: null, days: true);
            query.Append($"""
                ranked AS (SELECT b, n, f, {HistogramPercentileSql.RankColumns("series")} FROM hist)
                SELECT COALESCE(MAX(total), 0), SUM(f),
                    (SELECT COUNT(*) FROM runs r WHERE r."DurationMs" > {slo} AND {RunFilterSql.Where(query, filter)}),
                    {HistogramPercentileSql.Of(query.Dialect, 95)}
                FROM ranked
                """);
        }
        else
        {
            query.Append($"""
                WITH ranked AS (
                    SELECT r."DurationMs" AS v, {FailedRun.FlagSql("r")} AS failed, {PercentileSql.RankColumns("r.\"DurationMs\"", "1")}
                    FROM runs r WHERE {scope.RunsWhere})
                SELECT COUNT(*), SUM(failed), SUM(CASE WHEN v > {slo} THEN 1 ELSE 0 END), {PercentileSql.Of(query.Dialect, "v", 95)}
                FROM ranked
                """);
        }

        var rows = await query.ReadAsync(db, reader => new LatencySummary(reader.Long(0), reader.Long(1), reader.Long(2), reader.Double(3), scope.HasRollups), cancellationToken);
        return rows[0];
    }

    /// <summary>
    /// Opens a WITH clause with the CTE <c>hist</c> (series, tb, b, n, f): per series and time bucket, per duration
    /// bucket, the runs and failed runs, from the runs outside the rolled-up hours bucketed here and from the hourly
    /// and (when <paramref name="days"/>) daily rollups. Ends with a comma.
    /// </summary>
    private static void AppendHistogram(SqlQuery query, ReportScope scope, Func<string, string>? series, Func<string, string>? time, bool days)
    {
        var (dayRanges, hourRanges) = days ? scope.Coverage.SplitDays() : ([], scope.Coverage.Rollups);

        // Without a series or time bucket the column is a constant, which PostgreSQL does not group by.
        string Columns(string alias, string timeColumn) => $"{series?.Invoke(alias) ?? "'all'"} AS series, {time?.Invoke(timeColumn) ?? "'all'"} AS tb";
        string GroupBy(string alias, string timeColumn) =>
            string.Concat(new[] { series?.Invoke(alias), time?.Invoke(timeColumn) }.OfType<string>().Select(c => c + ", "));
        var durationBucket = DurationHistogram.BucketSql("r.\"DurationMs\"");
        query.Append($"""
            WITH parts AS (
                SELECT {Columns("r", "r.\"StartTime\"")}, {durationBucket} AS b, COUNT(*) AS n,
                    SUM({FailedRun.FlagSql("r")}) AS f
                FROM runs r WHERE {scope.RunsWhere}
                GROUP BY {GroupBy("r", "r.\"StartTime\"")}{durationBucket}
            """);
        foreach (var (table, ranges) in new[] { ("rollup_run_hours", hourRanges), ("rollup_run_days", dayRanges) })
        {
            if (ranges.Count > 0)
            {
                query.Append($"""

                    UNION ALL
                    SELECT {Columns("u", "u.\"Hour\"")}, u."Bucket", SUM(u."Runs"), SUM(u."Failures")
                    FROM {table} u WHERE {scope.RollupWhere("u", ranges)}
                    GROUP BY {GroupBy("u", "u.\"Hour\"")}u."Bucket"
                    """);
            }
        }

        query.Append("""
            ),
            hist AS (SELECT series, tb, b, SUM(n) AS n, SUM(f) AS f FROM parts GROUP BY series, tb, b),

            """);
    }

    /// <summary>The grouping's column under <paramref name="alias"/>: the runs table, or a rollup with the same column names.</summary>
    private static string SeriesColumn(LatencyGrouping grouping, string alias) =>
        LatencyGroupings.Of(grouping) is { } dimension ? RunFilterSql.Column(alias, dimension.Column) : "'all runs'";
}
