using Microsoft.EntityFrameworkCore;

namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Rolls up whole hours of runs for the reports: per-run repeats, loops and slowest steps; counts by run dimensions;
/// step and run duration histograms (summed per day too). An hour is rolled up once it is over; a write that touches
/// its runs later marks it pending (<see cref="RollupInvalidation"/>) and it is rolled up again. Reports read pending
/// hours from the steps meanwhile.
/// </summary>
public sealed class RollupMaterializer(IDbContextFactory<TraceDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Hours further back than this are never rolled up (a run with a clock far off); reports read them from the steps.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);

    private Dictionary<DateTime, long> _lastSeen = [];

    /// <summary>
    /// Queues the past hours never rolled up (with runs or without: an empty hour is rolled up too, so that reports
    /// read whole ranges of hours from the rollups), then rolls up up to <paramref name="maxHours"/> pending hours
    /// before the current one, newest first. With <paramref name="onlySettled"/> an hour is rolled up only once no
    /// write has touched it since the previous pass, so that an hour still being written (a backfill, a benchmark) is
    /// not rolled up again and again while the writes go on.
    /// </summary>
    /// <returns>The hours rolled up.</returns>
    public async Task<int> RunAsync(int maxHours, bool onlySettled = true, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var currentHour = RollupCoverage.HourOf(now);
        await QueueUnrolledHoursAsync(currentHour, now - MaxAge, cancellationToken);

        List<PendingRollupHour> pending;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.Set<PendingRollupHour>().AsNoTracking().Where(p => p.Hour < currentHour)
                .OrderByDescending(p => p.Hour).Take(maxHours).ToListAsync(cancellationToken);
        }

        var previous = Interlocked.Exchange(ref _lastSeen, pending.ToDictionary(p => p.Hour, p => p.Version));
        var settled = pending.Where(p => !onlySettled || (previous.TryGetValue(p.Hour, out var seen) && seen == p.Version)).ToList();
        var withRuns = await HoursWithRunsAsync(settled.Select(p => p.Hour), cancellationToken);
        var rolled = await ClearEmptyHoursAsync(settled.Where(p => !withRuns.Contains(p.Hour)).ToList(), cancellationToken);
        foreach (var hour in settled.Where(p => withRuns.Contains(p.Hour)))
        {
            rolled += await RollUpAsync(hour.Hour, cancellationToken) ? 1 : 0;
        }

        return rolled;
    }

    /// <summary>
    /// Rolls up one hour if it is still pending; false when it was not, or was written to meanwhile. The rollups are
    /// computed into temporary tables first, outside any transaction, and copied in a short one that checks that no
    /// write has touched the hour since: on SQLite, ingest waits only for the copy.
    /// </summary>
    public async Task<bool> RollUpAsync(DateTime hour, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var dialect = SqlDialect.For(db);
        var tables = RollupStatements.HourTables.Select(type => Describe(db, type)).ToList();
        var version = await PendingVersionAsync(db, dialect, hour, cancellationToken);
        if (version is null)
        {
            return false;
        }

        try
        {
            foreach (var (table, columns) in tables)
            {
                await new SqlQuery(dialect).Append($"""
                    DROP TABLE IF EXISTS {Staged(table)};
                    CREATE TEMP TABLE {Staged(table)} AS SELECT {columns} FROM {table} WHERE 1 = 0;
                    """).ExecuteAsync(db, cancellationToken);
            }

            foreach (var insert in RollupStatements.ComputeHour(dialect, hour, Staged))
            {
                await insert.ExecuteAsync(db, cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await PendingVersionAsync(db, dialect, hour, cancellationToken) != version)
            {
                return false;
            }

            foreach (var (table, columns) in tables)
            {
                var copy = new SqlQuery(dialect);
                await copy.Append($"""
                    DELETE FROM {table} WHERE "Hour" = {copy.Parameter(hour)};
                    INSERT INTO {table} ({columns}) SELECT {columns} FROM {Staged(table)};
                    """).ExecuteAsync(db, cancellationToken);
            }

            await RollupStatements.SumDay(dialect, RollupCoverage.DayOf(hour)).ExecuteAsync(db, cancellationToken);
            await MarkRolledUpAsync(db, dialect, hour, version.Value, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            foreach (var (table, _) in tables)
            {
                await new SqlQuery(dialect).Append($"DROP TABLE IF EXISTS {Staged(table)}").ExecuteAsync(db, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Rolls up hours without runs (the quiet hours of a store, or hours whose runs were deleted) together in one
    /// short transaction: their rows, if any, are deleted.
    /// </summary>
    private async Task<int> ClearEmptyHoursAsync(IReadOnlyList<PendingRollupHour> hours, CancellationToken cancellationToken)
    {
        if (hours.Count == 0)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dialect = SqlDialect.For(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cleared = new List<DateTime>();
        foreach (var hour in hours)
        {
            if (await PendingVersionAsync(db, dialect, hour.Hour, cancellationToken) != hour.Version)
            {
                continue;
            }

            foreach (var (table, _) in RollupStatements.HourTables.Select(type => Describe(db, type)))
            {
                var delete = new SqlQuery(dialect);
                await delete.Append($"DELETE FROM {table} WHERE \"Hour\" = {delete.Parameter(hour.Hour)}").ExecuteAsync(db, cancellationToken);
            }

            await MarkRolledUpAsync(db, dialect, hour.Hour, hour.Version, cancellationToken);
            cleared.Add(hour.Hour);
        }

        foreach (var day in cleared.Select(RollupCoverage.DayOf).Distinct())
        {
            await RollupStatements.SumDay(dialect, day).ExecuteAsync(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return cleared.Count;
    }

    /// <summary>Of these hours, those in which runs started.</summary>
    private async Task<HashSet<DateTime>> HoursWithRunsAsync(IEnumerable<DateTime> hours, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = new HashSet<DateTime>();
        foreach (var hour in hours)
        {
            var end = hour + RollupCoverage.Hour;
            if (await db.Runs.AnyAsync(r => r.StartTime >= hour && r.StartTime < end, cancellationToken))
            {
                found.Add(hour);
            }
        }

        return found;
    }

    /// <summary>Records the hour as rolled up and clears it from pending, unless a write has bumped its version since.</summary>
    private async Task MarkRolledUpAsync(TraceDbContext db, SqlDialect dialect, DateTime hour, long version, CancellationToken cancellationToken)
    {
        var done = new SqlQuery(dialect);
        var at = done.Parameter(hour);
        await done.Append($"""
            INSERT INTO rollup_hours ("Hour", "MaterializedAt") VALUES ({at}, {done.Parameter(clock.GetUtcNow().UtcDateTime)})
                ON CONFLICT ("Hour") DO UPDATE SET "MaterializedAt" = excluded."MaterializedAt";
            DELETE FROM rollup_pending WHERE "Hour" = {at} AND "Version" = {done.Parameter(version)};
            """).ExecuteAsync(db, cancellationToken);
    }

    /// <summary>The hour's pending version; on PostgreSQL, in a transaction, its row is held until commit (a write to the hour waits).</summary>
    private static async Task<long?> PendingVersionAsync(TraceDbContext db, SqlDialect dialect, DateTime hour, CancellationToken cancellationToken)
    {
        var read = new SqlQuery(dialect);
        read.Append($"SELECT \"Version\" FROM rollup_pending WHERE \"Hour\" = {read.Parameter(hour)}")
            .Append(dialect.Provider == StoreProvider.Postgres && db.Database.CurrentTransaction is not null ? " FOR UPDATE" : "");
        var versions = await read.ReadAsync(db, reader => reader.GetInt64(0), cancellationToken);
        return versions.Count == 0 ? null : versions[0];
    }

    /// <summary>A rollup table's name and its columns but the key, from the model.</summary>
    private static (string Table, string Columns) Describe(TraceDbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type)!;
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => $"\"{p.GetColumnName()}\"");
        return (entity.GetTableName()!, string.Join(", ", columns));
    }

    /// <summary>The temporary table an hour's rows of a rollup table are computed into.</summary>
    private static string Staged(string table) => "staged_" + table;

    private async Task QueueUnrolledHoursAsync(DateTime currentHour, DateTime oldest, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var first = await db.Runs.Where(r => r.StartTime >= oldest).MinAsync(r => (DateTime?)r.StartTime, cancellationToken);
        if (first is null)
        {
            return;
        }

        var firstHour = RollupCoverage.HourOf(first.Value);
        var known = (await db.Set<RollupHour>().Where(h => h.Hour >= firstHour).Select(h => h.Hour).ToListAsync(cancellationToken)).ToHashSet();
        known.UnionWith(await db.Set<PendingRollupHour>().Where(h => h.Hour >= firstHour).Select(h => h.Hour).ToListAsync(cancellationToken));
        var missing = new List<DateTime>();
        for (var hour = firstHour; hour < currentHour; hour += RollupCoverage.Hour)
        {
            if (!known.Contains(hour))
            {
                missing.Add(hour);
            }
        }

        if (missing.Count > 0)
        {
            await RollupInvalidation.QueueAsync(db, missing, cancellationToken);
        }
    }
}
