using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TraceExplorer.Storage.Analytics;
using TraceExplorer.Storage.Retention;

namespace TraceExplorer.Storage.Partitions;

/// <summary>
/// The PostgreSQL step table is partitioned by day of start time. Partitions are created ahead of time by
/// <see cref="MaintainAsync"/>, and on demand before a write for any day within the retention window; a step outside
/// that window (a clock far off) lands in the default partition, and moves into its day's partition once the day
/// comes into the window. Retention drops whole days. On SQLite every method does nothing.
/// </summary>
public sealed class StepPartitions(IDbContextFactory<TraceDbContext> contextFactory, IOptions<RetentionOptions> retention)
{
    /// <summary>Days created ahead of today, so a write at midnight never waits for DDL.</summary>
    public const int DaysAhead = 7;

    /// <summary>How far back partitions are made when runs are kept for ever: older steps go to the default partition.</summary>
    public const int MaxDaysBack = 3650;

    // Partition DDL from several app instances is serialised by one transaction-level advisory lock.
    private const long DdlLock = 0x7472616365_01;

    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();
    private volatile bool _loaded;

    /// <summary>
    /// Makes sure the days of these step start times have partitions (those within the window), on the caller's
    /// context before it begins its own transaction: a write asks this every time, and it costs a lookup.
    /// </summary>
    public async Task EnsureAsync(TraceDbContext db, IEnumerable<DateTime> startTimes, DateTime utcNow, CancellationToken cancellationToken = default)
    {
        if (StoreProviders.ProviderOf(db) != StoreProvider.Postgres)
        {
            return;
        }

        await LoadAsync(db, cancellationToken);
        var (first, last) = Window(utcNow);
        var missing = startTimes.Select(PartitionName.DayOf).Distinct()
            .Where(day => day >= first && day <= last && !_known.ContainsKey(day)).Order().ToList();
        foreach (var day in missing)
        {
            await CreateAsync(db, day, cancellationToken);
        }
    }

    /// <summary>Creates the partitions for today and the days ahead, and moves steps out of the default partition whose day is now in the window.</summary>
    public async Task MaintainAsync(DateTime utcNow, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (StoreProviders.ProviderOf(db) != StoreProvider.Postgres)
        {
            return;
        }

        var (first, last) = Window(utcNow);
        var query = new SqlQuery(SqlDialect.Postgres);
        query.Append($"""
            SELECT DISTINCT CAST(date_trunc('day', "StartTime" AT TIME ZONE 'UTC') AS date) FROM {PartitionName.Default}
            WHERE "StartTime" >= {query.Parameter(ToUtc(first))} AND "StartTime" < {query.Parameter(ToUtc(last.AddDays(1)))}
            """);
        var stranded = await query.ReadAsync(db, reader => DateOnly.FromDateTime(reader.GetDateTime(0)), cancellationToken);
        var today = PartitionName.DayOf(utcNow);
        var ahead = Enumerable.Range(0, DaysAhead + 1).Select(today.AddDays);
        await EnsureAsync(db, stranded.Select(ToUtc).Concat(ahead.Select(ToUtc)), utcNow, cancellationToken);
    }

    /// <summary>
    /// Drops the partitions whose days all end at or before <paramref name="cutoff"/>. Steps of pinned runs are kept:
    /// they move to the default partition first. Returns the number of partitions dropped.
    /// </summary>
    public async Task<int> DropBeforeAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (StoreProviders.ProviderOf(db) != StoreProvider.Postgres)
        {
            return 0;
        }

        var expired = (await ListAsync(db, cancellationToken)).Where(day => ToUtc(day.AddDays(1)) <= cutoff).Order().ToList();
        foreach (var day in expired)
        {
            var name = PartitionName.Of(day);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(db, $"""
                SELECT pg_advisory_xact_lock({DdlLock});
                ALTER TABLE steps DETACH PARTITION {name};
                INSERT INTO steps SELECT p.* FROM {name} p JOIN runs r ON r."RunId" = p."RunId" WHERE r."IsPinned";
                DROP TABLE {name};
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _known.TryRemove(day, out _);
        }

        return expired.Count;
    }

    /// <summary>The days that have a partition now.</summary>
    public async Task<IReadOnlyList<DateOnly>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return StoreProviders.ProviderOf(db) == StoreProvider.Postgres ? await ListAsync(db, cancellationToken) : [];
    }

    private (DateOnly First, DateOnly Last) Window(DateTime utcNow)
    {
        var today = PartitionName.DayOf(utcNow);
        var back = retention.Value.RunDays > 0 ? retention.Value.RunDays + 1 : MaxDaysBack;
        return (today.AddDays(-back), today.AddDays(DaysAhead));
    }

    private async Task LoadAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        foreach (var day in await ListAsync(db, cancellationToken))
        {
            _known[day] = true;
        }

        _loaded = true;
    }

    private static async Task<List<DateOnly>> ListAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        var query = new SqlQuery(SqlDialect.Postgres).Append("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = to_regclass('steps')
            """);
        var names = await query.ReadAsync(db, reader => reader.GetString(0), cancellationToken);
        return names.Select(PartitionName.DayOf).OfType<DateOnly>().ToList();
    }

    /// <summary>Creates one day's partition, moving that day's steps out of the default partition in the same transaction.</summary>
    private async Task CreateAsync(TraceDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var name = PartitionName.Of(day);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await ExecuteAsync(db, $"SELECT pg_advisory_xact_lock({DdlLock})", cancellationToken);
            var exists = await new SqlQuery(SqlDialect.Postgres).Append($"SELECT to_regclass('{name}') IS NOT NULL")
                .ReadAsync(db, reader => reader.GetBoolean(0), cancellationToken);
            if (!exists[0])
            {
                var from = PartitionName.Bound(day);
                var to = PartitionName.Bound(day.AddDays(1));
                await ExecuteAsync(db, $"""
                    CREATE TEMP TABLE moving ON COMMIT DROP AS
                        WITH moved AS (DELETE FROM {PartitionName.Default} WHERE "StartTime" >= {from} AND "StartTime" < {to} RETURNING *)
                        SELECT * FROM moved;
                    CREATE TABLE {name} PARTITION OF steps FOR VALUES FROM ({from}) TO ({to});
                    INSERT INTO steps SELECT * FROM moving;
                    """, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        _known[day] = true;
    }

    /// <summary>Runs DDL built here from partition names and bounds this class formats; it carries no outside text.</summary>
    private static Task<int> ExecuteAsync(TraceDbContext db, string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);

    private static DateTime ToUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
