using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;

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

    private static readonly string StepKeys = string.Join(", ", new[] { "Kind", "Name", "ToolName", "Model" }.Select(c => $"\"{c}\""));

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

        foreach (var table in new[] { "rollup_validation", "rollup_tool_usage", "rollup_tool_repeats", "rollup_loop_steps", "rollup_step_hours", "rollup_slowest_steps", "rollup_run_hours" })
        {
            var delete = new SqlQuery(dialect);
            await delete.Append($"DELETE FROM {table} WHERE \"Hour\" = {delete.Parameter(hour)}").ExecuteAsync(db, cancellationToken);
        }

        foreach (var insert in Inserts(dialect, hour))
        {
            await insert.ExecuteAsync(db, cancellationToken);
        }

        await SumDayAsync(db, dialect, RollupCoverage.DayOf(hour), cancellationToken);

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

        var durations = Start(out at, out inHour);
        var stepKeys = string.Join(", ", StepKeys.Split(", ").Select(c => "s." + c));
        var bucket = DurationHistogram.BucketSql("s.\"DurationMs\"");
        yield return durations.Append($"""
            INSERT INTO rollup_step_hours ("Hour", {Dimensions}, {StepKeys}, "Bucket", "Steps", "Failures", "TotalMs", "MaxMs")
            SELECT {at}, {dimensions}, {stepKeys}, {bucket}, COUNT(*), SUM({StepGroup.FailedSql("s")}), SUM(s."DurationMs"), MAX(s."DurationMs")
            FROM {runs}
            WHERE {inHour}
            GROUP BY {dimensions}, {stepKeys}, {bucket}
            """);

        var runDurations = new SqlQuery(dialect);
        at = runDurations.Parameter(hour);
        yield return runDurations.Append($"""
            INSERT INTO rollup_run_hours ("Hour", {Dimensions}, "Bucket", "Runs", "Failures")
            SELECT {at}, {dimensions}, {DurationHistogram.BucketSql("r.\"DurationMs\"")}, COUNT(*), SUM(CASE WHEN r."Status" = 'Error' THEN 1 ELSE 0 END)
            FROM runs r
            WHERE r."StartTime" >= {at} AND r."StartTime" < {runDurations.Parameter(hour + RollupCoverage.Hour)}
            GROUP BY {dimensions}, {DurationHistogram.BucketSql("r.\"DurationMs\"")}
            """);

        // Each run's slowest step per group, then the slowest runs per group among runs of the same dimensions.
        var slowest = Start(out at, out inHour);
        yield return slowest.Append($"""
            INSERT INTO rollup_slowest_steps ("RunId", "Hour", {StepKeys}, "StepNumber", "StartTime", "DurationMs", "Failed")
            SELECT run_id, {at}, "Kind", "Name", "ToolName", "Model", step, started, v, failed = 1
            FROM (
                SELECT run_id, "Kind", "Name", "ToolName", "Model", step, started, v, failed,
                    ROW_NUMBER() OVER (PARTITION BY {Dimensions}, {StepKeys} ORDER BY v DESC, run_id) AS rank_in_group
                FROM (
                    SELECT s."RunId" AS run_id, {dimensions}, {stepKeys}, s."StepNumber" AS step, s."StartTime" AS started, s."DurationMs" AS v,
                        {StepGroup.FailedSql("s")} AS failed,
                        ROW_NUMBER() OVER (PARTITION BY s."RunId", {stepKeys} ORDER BY s."DurationMs" DESC, s."StepNumber") AS rank_in_run
                    FROM {runs}
                    WHERE {inHour}) by_run
                WHERE rank_in_run = 1) by_group
            WHERE rank_in_group <= {SlowStepQueries.MaxSlowestRuns}
            """);

        var loops = Start(out at, out inHour);
        yield return loops.Append(LoopSql.Rows(runs, inHour)).Append($"""
            INSERT INTO rollup_loop_steps ("RunId", "Hour", "Pattern", "Length", "StepNumber")
            SELECT run_id, {at}, pattern, length, step FROM loops
            """);
    }

    /// <summary>Recomputes a day's step and run durations from its hours, in the transaction that changed one of them.</summary>
    private static async Task SumDayAsync(TraceDbContext db, SqlDialect dialect, DateTime day, CancellationToken cancellationToken)
    {
        var sums = new[]
        {
            (Table: "rollup_step", Keys: $"{Dimensions}, {StepKeys}, \"Bucket\"", Sums: "SUM(\"Steps\"), SUM(\"Failures\"), SUM(\"TotalMs\"), MAX(\"MaxMs\")",
                Columns: "\"Steps\", \"Failures\", \"TotalMs\", \"MaxMs\""),
            (Table: "rollup_run", Keys: $"{Dimensions}, \"Bucket\"", Sums: "SUM(\"Runs\"), SUM(\"Failures\")", Columns: "\"Runs\", \"Failures\""),
        };
        foreach (var (table, keys, aggregates, columns) in sums)
        {
            var query = new SqlQuery(dialect);
            var at = query.Parameter(day);
            query.Append($"""
                DELETE FROM {table}_days WHERE "Hour" = {at};
                INSERT INTO {table}_days ("Hour", {keys}, {columns})
                SELECT {at}, {keys}, {aggregates}
                FROM {table}_hours
                WHERE "Hour" >= {at} AND "Hour" < {query.Parameter(day.AddDays(1))}
                GROUP BY {keys};
                """);
            await query.ExecuteAsync(db, cancellationToken);
        }
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
