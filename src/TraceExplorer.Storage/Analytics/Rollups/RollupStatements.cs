using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Reports;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Rollups;

/// <summary>The SQL that computes the rollups of an hour and sums a day, for <see cref="RollupMaterializer"/>.</summary>
internal static class RollupStatements
{
    /// <summary>The tables rolled up per hour, each computed by one statement of <see cref="ComputeHour"/>.</summary>
    public static readonly Type[] HourTables =
        [typeof(ValidationRollup), typeof(ToolUsageRollup), typeof(ToolRepeatRollup), typeof(StepHourRollup), typeof(RunHourRollup), typeof(SlowestStepRollup), typeof(LoopStepRollup),
        typeof(FailedStepRollup), typeof(DecisionRunsRollup)];

    /// <summary>The run dimensions, named as on the runs table (see <see cref="RunDimensionsRollup"/>).</summary>
    private static readonly string[] DimensionColumns = [.. RunDimension.All.Select(d => d.Column)];

    /// <summary>The columns a step is grouped by (see <see cref="StepDurationRollup"/>).</summary>
    private static readonly string[] StepKeyColumns = ["Kind", "Name", "ToolName", "Model"];

    /// <summary>The columns step durations are rolled up by: the step's group columns and the schema it checked, all that names it.</summary>
    private static readonly string[] DurationKeyColumns = [.. StepKeyColumns, "ValidationSchema"];

    private static readonly string Dimensions = Columns(DimensionColumns, "");

    private static readonly string StepKeys = Columns(StepKeyColumns, "");

    private static readonly string DurationKeys = Columns(DurationKeyColumns, "");

    /// <summary>
    /// The statements that compute one hour of every table of <see cref="HourTables"/> from the runs that started in
    /// it and their steps, each inserting into <paramref name="target"/>(table).
    /// </summary>
    public static IEnumerable<SqlQuery> ComputeHour(SqlDialect dialect, DateTime hour, Func<string, string> target)
    {
        var runs = dialect.StepsOfRuns;
        var dimensions = Columns(DimensionColumns, "r.");

        SqlQuery Start(out string at, out string inHour)
        {
            var query = new SqlQuery(dialect);
            at = query.Parameter(hour);
            inHour = $"{SqlDialect.StepsOfRunsJoin} AND r.\"StartTime\" >= {at} AND r.\"StartTime\" < {query.Parameter(hour + RollupCoverage.Hour)}";
            return query;
        }

        var validation = Start(out var at, out var inHour);
        yield return validation.Append($"""
            INSERT INTO {target("rollup_validation")} ("Hour", {Dimensions}, "SchemaName", "Failed", "Reason", "Checks", "FirstStart")
            SELECT {at}, {dimensions}, {ValidationSql.Schema()}, {ValidationSql.Failed()} = 1, {ValidationSql.Reason()}, COUNT(*), MIN(r."StartTime")
            FROM {runs}
            WHERE s."Kind" = {SqlEnum.Literal(StepKind.Validate)} AND {inHour}
            GROUP BY {dimensions}, {ValidationSql.Schema()}, {ValidationSql.Failed()}, {ValidationSql.Reason()}
            """);

        var usage = Start(out at, out inHour);
        yield return usage.Append($"""
            INSERT INTO {target("rollup_tool_usage")} ("Hour", {Dimensions}, "ToolName", "Runs")
            SELECT {at}, {dimensions}, s."ToolName", COUNT(DISTINCT s."RunId")
            FROM {runs}
            WHERE {RepeatedCallSql.Comparable("s")} AND {inHour}
            GROUP BY {dimensions}, s."ToolName"
            """);

        var repeats = Start(out at, out inHour);
        yield return repeats.Append($"""
            INSERT INTO {target("rollup_tool_repeats")} ("RunId", "Hour", "ToolName", "ArgumentsHash", "Calls", "TotalMs", "FastestMs")
            SELECT s."RunId", {at}, s."ToolName", s."ToolArgumentsHash", COUNT(*), SUM(s."DurationMs"), MIN(s."DurationMs")
            FROM {runs}
            WHERE {RepeatedCallSql.Comparable("s")} AND {inHour}
            GROUP BY {RepeatedCallSql.SameCall("s")}
            HAVING {RepeatedCallSql.Repeated}
            """);

        var durations = Start(out at, out inHour);
        var stepKeys = Columns(StepKeyColumns, "s.");
        var durationKeys = Columns(DurationKeyColumns, "s.");
        var bucket = DurationHistogram.BucketSql("s.\"DurationMs\"");
        yield return durations.Append($"""
            INSERT INTO {target("rollup_step_hours")} ("Hour", {Dimensions}, {DurationKeys}, "Bucket", "Steps", "Failures", "TotalMs", "MaxMs")
            SELECT {at}, {dimensions}, {durationKeys}, {bucket}, COUNT(*), SUM({StepGroup.FailedSql("s")}), SUM(s."DurationMs"), MAX(s."DurationMs")
            FROM {runs}
            WHERE {inHour}
            GROUP BY {dimensions}, {durationKeys}, {bucket}
            """);

        var runDurations = new SqlQuery(dialect);
        at = runDurations.Parameter(hour);
        yield return runDurations.Append($"""
            INSERT INTO {target("rollup_run_hours")} ("Hour", {Dimensions}, "Bucket", "Runs", "Failures")
            SELECT {at}, {dimensions}, {DurationHistogram.BucketSql("r.\"DurationMs\"")}, COUNT(*), SUM({FailedRun.FlagSql("r")})
            FROM runs r
            WHERE r."StartTime" >= {at} AND r."StartTime" < {runDurations.Parameter(hour + RollupCoverage.Hour)}
            GROUP BY {dimensions}, {DurationHistogram.BucketSql("r.\"DurationMs\"")}
            """);

        // Each run's slowest step per group, then the slowest runs per group among runs of the same dimensions.
        var slowest = Start(out at, out inHour);
        yield return slowest.Append($"""
            INSERT INTO {target("rollup_slowest_steps")} ("RunId", "Hour", {StepKeys}, "StepNumber", "StartTime", "DurationMs", "Failed")
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
            INSERT INTO {target("rollup_loop_steps")} ("RunId", "Hour", "Pattern", "Length", "StepNumber")
            SELECT run_id, {at}, pattern, length, step FROM loops
            """);

        foreach (var statement in ComputeExplainHour(dialect, hour, target))
        {
            yield return statement;
        }
    }

    /// <summary>The hour's failed steps by run, and its runs with decisions by dimensions, status and decision value, for explain.</summary>
    private static IEnumerable<SqlQuery> ComputeExplainHour(SqlDialect dialect, DateTime hour, Func<string, string> target)
    {
        var failed = new SqlQuery(dialect);
        var at = failed.Parameter(hour);
        var end = failed.Parameter(hour + RollupCoverage.Hour);
        yield return failed.Append($"""
            INSERT INTO {target("rollup_failed_steps")} ("RunId", "Hour", "StepNumber", "Kind", "Name", "ErrorType", "DurationMs")
            SELECT s."RunId", {at}, s."StepNumber", s."Kind", {StepGroup.NameSql("s")}, s."ErrorType", s."DurationMs"
            FROM {dialect.StepsOfRuns}
            WHERE {SqlDialect.StepsOfRunsJoin} AND r."StartTime" >= {at} AND r."StartTime" < {end} AND {StepGroup.FailedSql("s")} = 1
            """);

        var decisions = new SqlQuery(dialect);
        at = decisions.Parameter(hour);
        end = decisions.Parameter(hour + RollupCoverage.Hour);
        var values = Explain.ExplainSql.DecisionValues.Select(v => $"""
            SELECT DISTINCT r."RunId", {Columns(DimensionColumns, "r.")}, r."Status", '{Explain.ExplainDimensions.Name(v.Dimension)}' AS dimension, {v.Value("d")} AS value
            FROM runs r JOIN decisions d ON d."RunId" = r."RunId"
            WHERE r."StartTime" >= {at} AND r."StartTime" < {end} AND {v.Carries("d")}
            """);
        yield return decisions.Append($"""
            INSERT INTO {target("rollup_decision_runs")} ("Hour", {Dimensions}, "Status", "Dimension", "Value", "Runs")
            SELECT {at}, {Dimensions}, "Status", dimension, value, COUNT(*)
            FROM ({string.Join("\nUNION ALL\n", values)}) t
            GROUP BY {Dimensions}, "Status", dimension, value
            """);
    }

    /// <summary>Recomputes a day's step and run durations from its hours; run in the transaction that changed one of them.</summary>
    public static SqlQuery SumDay(SqlDialect dialect, DateTime day)
    {
        var sums = new[]
        {
            (Table: "rollup_step", Keys: $"{Dimensions}, {DurationKeys}, \"Bucket\"", Sums: "SUM(\"Steps\"), SUM(\"Failures\"), SUM(\"TotalMs\"), MAX(\"MaxMs\")",
                Columns: "\"Steps\", \"Failures\", \"TotalMs\", \"MaxMs\""),
            (Table: "rollup_run", Keys: $"{Dimensions}, \"Bucket\"", Sums: "SUM(\"Runs\"), SUM(\"Failures\")", Columns: "\"Runs\", \"Failures\""),
        };
        var query = new SqlQuery(dialect);
        var at = query.Parameter(day);
        var next = query.Parameter(day.AddDays(1));
        foreach (var (table, keys, aggregates, columns) in sums)
        {
            query.Append($"""
                DELETE FROM {table}_days WHERE "Hour" = {at};
                INSERT INTO {table}_days ("Hour", {keys}, {columns})
                SELECT {at}, {keys}, {aggregates}
                FROM {table}_hours
                WHERE "Hour" >= {at} AND "Hour" < {next}
                GROUP BY {keys};
                """);
        }

        return query;
    }

    /// <summary>Quoted column names, each under <paramref name="prefix"/> (an alias and a dot, or nothing).</summary>
    private static string Columns(IEnumerable<string> names, string prefix) => string.Join(", ", names.Select(c => $"{prefix}\"{c}\""));
}
