using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Reports;

namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>
/// Rolls up whole hours of runs for the repeated-tools and validation reports: per-run repeats and loops, and counts
/// by run dimensions. An hour is rolled up once it is over; a write that touches its runs later marks it pending
/// (<see cref="RollupInvalidation"/>) and it is rolled up again. Reports read pending hours from the steps meanwhile.
/// </summary>
public sealed class RollupMaterializer(IDbContextFactory<TraceDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>Hours further back than this are never rolled up (a run with a clock far off); reports read them from the steps.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);

    private static readonly string Dimensions = string.Join(", ",
        new[] { "AgentName", "Route", "PromptVersion", "PolicyVersion", "ToolContractVersion", "RouteConfigVersion", "Models" }.Select(c => $"\"{c}\""));

    /// <summary>
    /// Queues the past hours never rolled up (with runs or without: an empty hour is rolled up too, so that reports
    /// read whole ranges of hours from the rollups), then rolls up up to <paramref name="maxHours"/> pending hours
    /// before the current one, newest first.
    /// </summary>
    /// <returns>The hours rolled up.</returns>
    public async Task<int> RunAsync(int maxHours, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var currentHour = RollupCoverage.HourOf(now);
        await QueueUnrolledHoursAsync(currentHour, now - MaxAge, cancellationToken);

        List<DateTime> pending;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.Set<PendingRollupHour>().Where(p => p.Hour < currentHour)
                .OrderByDescending(p => p.Hour).Take(maxHours).Select(p => p.Hour).ToListAsync(cancellationToken);
        }

        var rolled = 0;
        foreach (var hour in pending)
        {
            rolled += await RollUpAsync(hour, cancellationToken) ? 1 : 0;
        }

        return rolled;
    }

    /// <summary>Rolls up one hour if it is still pending; false when it was not (another node did it first).</summary>
    public async Task<bool> RollUpAsync(DateTime hour, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dialect = SqlDialect.For(db);

        // On PostgreSQL the pending row is held until commit: a write to the hour waits, another node skips it.
        var read = new SqlQuery(dialect);
        read.Append($"SELECT \"Version\" FROM rollup_pending WHERE \"Hour\" = {read.Parameter(hour)}")
            .Append(dialect.Provider == StoreProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "");
        var versions = await read.ReadAsync(db, reader => reader.GetInt64(0), cancellationToken);
        if (versions.Count == 0)
        {
            return false;
        }

        foreach (var table in new[] { "rollup_validation", "rollup_tool_usage", "rollup_tool_repeats", "rollup_loop_steps" })
        {
            var delete = new SqlQuery(dialect);
            await delete.Append($"DELETE FROM {table} WHERE \"Hour\" = {delete.Parameter(hour)}").ExecuteAsync(db, cancellationToken);
        }

        foreach (var insert in Inserts(dialect, hour))
        {
            await insert.ExecuteAsync(db, cancellationToken);
        }

        var done = new SqlQuery(dialect);
        var at = done.Parameter(hour);
        done.Append($"""
            INSERT INTO rollup_hours ("Hour", "MaterializedAt") VALUES ({at}, {done.Parameter(clock.GetUtcNow().UtcDateTime)})
                ON CONFLICT ("Hour") DO UPDATE SET "MaterializedAt" = excluded."MaterializedAt";
            DELETE FROM rollup_pending WHERE "Hour" = {at} AND "Version" = {done.Parameter(versions[0])};
            """);
        await done.ExecuteAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static IEnumerable<SqlQuery> Inserts(SqlDialect dialect, DateTime hour)
    {
        var runs = dialect.StepsOfRuns;
        var dimensions = string.Join(", ", Dimensions.Split(", ").Select(c => "r." + c));

        SqlQuery Start(out string at, out string inHour)
        {
            var query = new SqlQuery(dialect);
            at = query.Parameter(hour);
            inHour = $"{SqlDialect.StepsOfRunsJoin} AND r.\"StartTime\" >= {at} AND r.\"StartTime\" < {query.Parameter(hour + RollupCoverage.Hour)}";
            return query;
        }

        var validation = Start(out var at, out var inHour);
        yield return validation.Append($"""
            INSERT INTO rollup_validation ("Hour", {Dimensions}, "SchemaName", "Failed", "Reason", "Checks", "FirstStart")
            SELECT {at}, {dimensions}, {ValidationSql.Schema()}, {ValidationSql.Failed()} = 1, {ValidationSql.Reason()}, COUNT(*), MIN(r."StartTime")
            FROM {runs}
            WHERE s."Kind" = 'Validate' AND {inHour}
            GROUP BY {dimensions}, {ValidationSql.Schema()}, {ValidationSql.Failed()}, {ValidationSql.Reason()}
            """);

        var usage = Start(out at, out inHour);
        yield return usage.Append($"""
            INSERT INTO rollup_tool_usage ("Hour", {Dimensions}, "ToolName", "Runs")
            SELECT {at}, {dimensions}, s."ToolName", COUNT(DISTINCT s."RunId")
            FROM {runs}
            WHERE s."ToolName" IS NOT NULL AND s."ToolArgumentsHash" IS NOT NULL AND {inHour}
            GROUP BY {dimensions}, s."ToolName"
            """);

        var repeats = Start(out at, out inHour);
        yield return repeats.Append($"""
            INSERT INTO rollup_tool_repeats ("RunId", "Hour", "ToolName", "ArgumentsHash", "Calls", "TotalMs", "FastestMs")
            SELECT s."RunId", {at}, s."ToolName", s."ToolArgumentsHash", COUNT(*), SUM(s."DurationMs"), MIN(s."DurationMs")
            FROM {runs}
            WHERE s."ToolName" IS NOT NULL AND s."ToolArgumentsHash" IS NOT NULL AND {inHour}
            GROUP BY s."RunId", s."ToolName", s."ToolArgumentsHash"
            HAVING COUNT(*) >= 2
            """);

        var loops = Start(out at, out inHour);
        yield return loops.Append(LoopSql.Rows(runs, inHour)).Append($"""
            INSERT INTO rollup_loop_steps ("RunId", "Hour", "Pattern", "Length", "StepNumber")
            SELECT run_id, {at}, pattern, length, step FROM loops
            """);
    }

    private async Task QueueUnrolledHoursAsync(DateTime currentHour, DateTime oldest, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var first = await db.Runs.Where(r => r.StartTime >= oldest).MinAsync(r => (DateTime?)r.StartTime, cancellationToken);
        if (first is null)
        {
            return;
        }

        var firstHour = RollupCoverage.HourOf(first.Value);
        var rolled = (await db.Set<RollupHour>().Where(h => h.Hour >= firstHour).Select(h => h.Hour).ToListAsync(cancellationToken)).ToHashSet();
        var missing = new List<DateTime>();
        for (var hour = firstHour; hour < currentHour; hour += RollupCoverage.Hour)
        {
            if (!rolled.Contains(hour))
            {
                missing.Add(hour);
            }
        }

        await RollupInvalidation.QueueAsync(db, missing, cancellationToken);
    }
}
