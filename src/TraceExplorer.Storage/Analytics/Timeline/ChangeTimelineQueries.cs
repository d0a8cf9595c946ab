using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Statistics;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Timeline;

/// <summary>
/// When each version value was live and how traffic behaved meanwhile, so a change lines up with its effect.
/// Runs and failures per bucket are exact; the p95 per bucket is read from durations binned 2 % wide, within 1 %. Both
/// come from the rolled-up days and hours of the range and from the runs outside them (see <see cref="ReportScope"/>).
/// </summary>
public sealed class ChangeTimelineQueries(AnalyticsContextFactory contextFactory, CohortComparisonQueries comparisons, TimeProvider clock)
{
    /// <summary>Ranges up to this long are drawn per hour, longer ones per day.</summary>
    public static readonly TimeSpan HourlyUpTo = TimeSpan.FromDays(3);

    public async Task<ChangeTimeline> GetAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var bucket = await BucketSizeAsync(db, filter, cancellationToken);
        var buckets = await BucketsAsync(db, filter, bucket, cancellationToken);

        var dimensions = new List<DimensionTimeline>();
        foreach (var dimension in CompareDimensions.Versions)
        {
            var values = await comparisons.GetValuesAsync(dimension, filter, cancellationToken);
            var runs = await RunsByValueAsync(db, filter, bucket, CompareDimensions.RunColumn(dimension)!, cancellationToken);
            dimensions.Add(new DimensionTimeline(dimension, values, runs, Changes(values)));
        }

        return new ChangeTimeline(bucket, buckets, dimensions);
    }

    /// <summary>
    /// The run's versions that were new when it started (see <see cref="NewVersion"/>): first seen per value computed
    /// by the database, over the runs of the run's agent up to its start.
    /// </summary>
    public async Task<IReadOnlyList<NewVersion>> NewVersionsAsync(RunDetails run, TimeSpan window, CancellationToken cancellationToken = default)
    {
        // Up to and with the run itself: the run may be the first to carry its value.
        var filter = new RunFilter { Agent = run.AgentName, To = run.StartTime.AddMilliseconds(1) };
        var found = new List<NewVersion>();
        foreach (var dimension in CompareDimensions.Versions)
        {
            if (run.Versions.Of(dimension) is not { } value)
            {
                continue;
            }

            var values = await comparisons.GetValuesAsync(dimension, filter, cancellationToken);
            if (NewVersion.Find(dimension, values, value, run.StartTime, window) is { } fresh)
            {
                found.Add(fresh);
            }
        }

        return found;
    }

    /// <summary>Each value after the first, as a change from the value that came before it.</summary>
    public static IReadOnlyList<VersionChange> Changes(IReadOnlyList<DimensionValue> valuesByFirstSeen) =>
        valuesByFirstSeen.Zip(valuesByFirstSeen.Skip(1), (before, after) => new VersionChange(before.Value, after.Value, after.FirstSeen)).ToList();

    private static async Task<TimeBucket> BucketSizeAsync(TraceDbContext db, RunFilter filter, CancellationToken cancellationToken)
    {
        var runs = await RunFilterQuery.ApplyAsync(db, db.Runs.AsNoTracking(), filter with { Text = null }, cancellationToken);
        var first = filter.From ?? await runs.MinAsync(r => (DateTime?)r.StartTime, cancellationToken);
        var last = filter.To ?? await runs.MaxAsync(r => (DateTime?)r.StartTime, cancellationToken);
        return first is { } f && last is { } l && l - f <= HourlyUpTo ? TimeBucket.Hour : TimeBucket.Day;
    }

    private async Task<IReadOnlyList<TimelineBucket>> BucketsAsync(TraceDbContext db, RunFilter filter, TimeBucket bucket, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var parts = await PartsAsync(db, query, filter, bucket, "b", FailedRun.FlagSql("r"),
            DurationHistogram.BucketSql("r.\"DurationMs\""), "u.\"Failures\"", "u.\"Bucket\"", cancellationToken);
        query.Append($"SELECT t, b, SUM(n) AS n, SUM(f) AS f FROM ({parts}) parts GROUP BY t, b");
        var rows = await query.ReadAsync(db, reader => (
            Time: SqlDialect.ParseBucket(reader.GetString(0), bucket), Value: DurationHistogram.ValueOf((int)reader.Long(1)), Runs: reader.Long(2), Failed: reader.Long(3)), cancellationToken);
        return rows.GroupBy(r => r.Time).OrderBy(g => g.Key).Select(g => new TimelineBucket(
            g.Key, g.Sum(r => r.Runs), g.Sum(r => r.Failed),
            PooledCounts.Percentile(PooledCounts.Of(g.Select(r => new PooledCount(r.Value, r.Runs, 0))), ofB: false, 95))).ToList();
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateTime, long>>> RunsByValueAsync(
        TraceDbContext db, RunFilter filter, TimeBucket bucket, string column, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var parts = await PartsAsync(db, query, filter, bucket, "v", "0", RunFilterSql.Column("r", column), "0", RunFilterSql.Column("u", column), cancellationToken);
        query.Append($"SELECT v, t, SUM(n) FROM ({parts}) parts WHERE v IS NOT NULL GROUP BY v, t");
        var rows = await query.ReadAsync(db, reader => (Value: reader.GetString(0), Bucket: SqlDialect.ParseBucket(reader.GetString(1), bucket), Runs: reader.Long(2)), cancellationToken);
        return rows.GroupBy(r => r.Value).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<DateTime, long>)g.ToDictionary(r => r.Bucket, r => r.Runs),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The runs of the filter as rows (time bucket t, a key named <paramref name="key"/>, runs n, failures f): the runs
    /// outside the rolled-up hours one by one (<paramref name="runKey"/>, <paramref name="runFailed"/> over alias r),
    /// and the rolled-up days (for daily buckets) and hours (<paramref name="rollupKey"/>,
    /// <paramref name="rollupFailed"/> over alias u), grouped by bucket and key.
    /// </summary>
    private async Task<string> PartsAsync(TraceDbContext db, SqlQuery query, RunFilter filter, TimeBucket bucket, string key,
        string runFailed, string runKey, string rollupFailed, string rollupKey, CancellationToken cancellationToken)
    {
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var dialect = query.Dialect;
        var parts = new List<string>
        {
            $"""
            SELECT {dialect.Bucket("r.\"StartTime\"", bucket)} AS t, {runKey} AS {key}, COUNT(*) AS n, SUM({runFailed}) AS f
            FROM runs r WHERE {scope.RunsWhere}
            GROUP BY {dialect.Bucket("r.\"StartTime\"", bucket)}, {runKey}
            """,
        };
        var (days, hours) = bucket == TimeBucket.Day ? scope.Coverage.SplitDays() : ([], scope.Coverage.Rollups);
        foreach (var (table, ranges) in new[] { ("rollup_run_days", days), ("rollup_run_hours", hours) })
        {
            if (ranges.Count > 0)
            {
                parts.Add($"""
                    SELECT {dialect.Bucket("u.\"Hour\"", bucket)}, {rollupKey}, SUM(u."Runs"), SUM({rollupFailed})
                    FROM {table} u WHERE {scope.RollupWhere("u", ranges)}
                    GROUP BY {dialect.Bucket("u.\"Hour\"", bucket)}, {rollupKey}
                    """);
            }
        }

        return string.Join("\nUNION ALL\n", parts);
    }
}
