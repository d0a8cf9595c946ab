using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>End-to-end run latency for product owners: percentiles per hour or day, errors, and the share over an SLO.</summary>
public sealed class LatencyReportQueries(AnalyticsContextFactory contextFactory)
{
    public async Task<IReadOnlyList<LatencyPoint>> GetSeriesAsync(RunFilter filter, LatencyGrouping grouping, TimeBucket bucket, double sloMs, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var series = SeriesColumn(grouping);
        var slo = query.Parameter(sloMs);
        query.Append($"""
            WITH bucketed AS (
                SELECT COALESCE({series}, '(none)') AS series, {query.Dialect.Bucket("r.\"StartTime\"", bucket)} AS bucket, r."DurationMs" AS v,
                    CASE WHEN r."Status" = 'Error' THEN 1 ELSE 0 END AS failed
                FROM runs r WHERE {where}),
            ranked AS (SELECT series, bucket, v, failed, {PercentileSql.RankColumns("v", "series, bucket")} FROM bucketed)
            SELECT series, bucket, COUNT(*), SUM(failed), SUM(CASE WHEN v > {slo} THEN 1 ELSE 0 END),
                {PercentileSql.Of(query.Dialect, "v", 50)}, {PercentileSql.Of(query.Dialect, "v", 95)}, {PercentileSql.Of(query.Dialect, "v", 99)}
            FROM ranked GROUP BY series, bucket ORDER BY series, bucket
            """);
        return await query.ReadAsync(db, reader => new LatencyPoint(
            reader.GetString(0), SqlDialect.ParseBucket(reader.GetString(1), bucket), reader.Long(2), reader.Long(3), reader.Long(4),
            reader.Double(5), reader.Double(6), reader.Double(7)), cancellationToken);
    }

    /// <summary>Runs, failures, runs over the SLO and p95 of the runs in the filter.</summary>
    public async Task<LatencySummary> GetSummaryAsync(RunFilter filter, double sloMs, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        query.Append($"""
            WITH ranked AS (
                SELECT r."DurationMs" AS v, CASE WHEN r."Status" = 'Error' THEN 1 ELSE 0 END AS failed, {PercentileSql.RankColumns("r.\"DurationMs\"", "1")}
                FROM runs r WHERE {where})
            SELECT COUNT(*), SUM(failed), SUM(CASE WHEN v > {query.Parameter(sloMs)} THEN 1 ELSE 0 END), {PercentileSql.Of(query.Dialect, "v", 95)}
            FROM ranked
            """);
        var rows = await query.ReadAsync(db, reader => new LatencySummary(reader.Long(0), reader.Long(1), reader.Long(2), reader.Double(3)), cancellationToken);
        return rows[0];
    }

    private static string SeriesColumn(LatencyGrouping grouping) => grouping switch
    {
        LatencyGrouping.Agent => RunFilterSql.Column("r", "AgentName"),
        LatencyGrouping.Route => RunFilterSql.Column("r", "Route"),
        LatencyGrouping.PromptVersion => RunFilterSql.Column("r", "PromptVersion"),
        LatencyGrouping.PolicyVersion => RunFilterSql.Column("r", "PolicyVersion"),
        LatencyGrouping.ToolContractVersion => RunFilterSql.Column("r", "ToolContractVersion"),
        LatencyGrouping.RouteConfigVersion => RunFilterSql.Column("r", "RouteConfigVersion"),
        _ => "'all runs'",
    };
}
