using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Compare;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Timeline;

/// <summary>
/// When each version value was live and how traffic behaved meanwhile, so a change lines up with its effect.
/// Counts and percentiles per bucket are computed by the database.
/// </summary>
public sealed class ChangeTimelineQueries(AnalyticsContextFactory contextFactory, CohortComparisonQueries comparisons)
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
            var runs = await RunsByValueAsync(db, filter, bucket, dimension, cancellationToken);
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

    private static async Task<IReadOnlyList<TimelineBucket>> BucketsAsync(TraceDbContext db, RunFilter filter, TimeBucket bucket, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        query.Append($"""
            WITH bucketed AS (
                SELECT {query.Dialect.Bucket("r.\"StartTime\"", bucket)} AS bucket, r."DurationMs" AS duration, CASE WHEN r."Status" = 'Error' THEN 1 ELSE 0 END AS failed
                FROM runs r WHERE {where}),
            ranked AS (SELECT bucket, duration, failed, {PercentileSql.RankColumns("duration", "bucket")} FROM bucketed)
            SELECT bucket, COUNT(*), SUM(failed), {PercentileSql.Of(query.Dialect, "duration", 95)}
            FROM ranked GROUP BY bucket ORDER BY bucket
            """);
        return await query.ReadAsync(db, reader => new TimelineBucket(
            SqlDialect.ParseBucket(reader.GetString(0), bucket), reader.Long(1), reader.Long(2), reader.Double(3)), cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<DateTime, long>>> RunsByValueAsync(
        TraceDbContext db, RunFilter filter, TimeBucket bucket, CompareDimension dimension, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var column = RunFilterSql.Column("r", CompareDimensions.RunColumn(dimension)!);
        query.Append($"""
            SELECT {column}, {query.Dialect.Bucket("r.\"StartTime\"", bucket)} AS bucket, COUNT(*)
            FROM runs r WHERE {column} IS NOT NULL AND {where}
            GROUP BY {column}, bucket
            """);
        var rows = await query.ReadAsync(db, reader => (Value: reader.GetString(0), Bucket: SqlDialect.ParseBucket(reader.GetString(1), bucket), Runs: reader.Long(2)), cancellationToken);
        return rows.GroupBy(r => r.Value).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<DateTime, long>)g.ToDictionary(r => r.Bucket, r => r.Runs),
            StringComparer.Ordinal);
    }
}
