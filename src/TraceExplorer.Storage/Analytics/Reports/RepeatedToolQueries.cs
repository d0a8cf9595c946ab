using TraceExplorer.Core.Runs;
using TraceExplorer.Storage.Analytics.Rollups;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>
/// Repetition within runs: the same tool called with the same arguments, and step sequences that loop. Whole hours
/// that are rolled up are read from the rollups, the rest from the steps (see <see cref="ReportScope"/>).
/// </summary>
public sealed class RepeatedToolQueries(AnalyticsContextFactory contextFactory, TimeProvider clock)
{
    public const int DefaultMinCalls = RepeatedCallRule.MinCalls;
    public const int MaxLoopLength = 3;

    /// <remarks>The rollups keep repeats of two calls or more, so a smaller <paramref name="minCalls"/> counts as two.</remarks>
    public async Task<IReadOnlyList<RepeatedTool>> GetToolsAsync(RunFilter filter, int minCalls, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var min = query.Parameter(Math.Max(minCalls, DefaultMinCalls));
        var repeated = $"times >= {min}";
        query.Append($"""
            WITH calls AS (
                SELECT s."RunId" AS run_id, s."ToolName" AS tool, COUNT(*) AS times, SUM(s."DurationMs") AS total, MIN(s."DurationMs") AS fastest
                FROM {scope.StepsFrom}
                WHERE {RepeatedCallSql.Comparable("s")} AND {scope.StepsWhere}
                GROUP BY {RepeatedCallSql.SameCall("s")}),
            parts AS (
                SELECT tool, COUNT(DISTINCT CASE WHEN {repeated} THEN run_id END) AS affected, COUNT(DISTINCT run_id) AS calling,
                    SUM(CASE WHEN {repeated} THEN times - 1 ELSE 0 END) AS repeats,
                    SUM(CASE WHEN {repeated} THEN total - fastest ELSE 0 END) AS ms
                FROM calls GROUP BY tool
            """);
        if (scope.HasRollups)
        {
            query.Append($"""

                UNION ALL
                SELECT u."ToolName", 0, SUM(u."Runs"), 0, 0 FROM rollup_tool_usage u WHERE {scope.RollupWhere("u")} GROUP BY u."ToolName"
                UNION ALL
                SELECT t."ToolName", COUNT(DISTINCT t."RunId"), 0, SUM(t."Calls" - 1), SUM(t."TotalMs" - t."FastestMs")
                FROM rollup_tool_repeats t JOIN runs r ON r."RunId" = t."RunId"
                WHERE t."Calls" >= {min} AND {scope.RunRollupWhere("t")}
                GROUP BY t."ToolName"
                """);
        }

        query.Append("""
            )
            SELECT tool, SUM(affected), SUM(calling), SUM(repeats), SUM(ms) FROM parts GROUP BY tool
            """);
        var tools = await query.ReadAsync(db, reader => new RepeatedTool(reader.GetString(0), reader.Long(1), reader.Long(2), reader.Long(3), reader.Double(4)), cancellationToken);
        return tools.OrderByDescending(t => t.TimeInRepeatsMs).ThenBy(t => t.Tool, StringComparer.Ordinal).ToList();
    }

    /// <summary>The runs that called <paramref name="tool"/> with the same arguments at least <paramref name="minCalls"/> times, most repeats first.</summary>
    public async Task<IReadOnlyList<RepeatedCallRun>> GetRunsAsync(RunFilter filter, string tool, int minCalls, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var name = query.Parameter(tool);
        var min = query.Parameter(Math.Max(minCalls, DefaultMinCalls));
        query.Append($"""
            WITH repeats AS (
                SELECT s."RunId" AS run_id, s."ToolArgumentsHash" AS args, COUNT(*) AS times
                FROM {scope.StepsFrom}
                WHERE s."ToolName" = {name} AND {RepeatedCallSql.Comparable("s")} AND {scope.StepsWhere}
                GROUP BY s."RunId", s."ToolArgumentsHash"
                HAVING COUNT(*) >= {min}
            """);
        if (scope.HasRollups)
        {
            query.Append($"""

                UNION ALL
                SELECT t."RunId", t."ArgumentsHash", t."Calls"
                FROM rollup_tool_repeats t JOIN runs r ON r."RunId" = t."RunId"
                WHERE t."ToolName" = {name} AND t."Calls" >= {min} AND {scope.RunRollupWhere("t")}
                """);
        }

        query.Append($"""
            ),
            top_repeats AS (SELECT run_id, args, times FROM repeats ORDER BY times DESC, run_id, args LIMIT {query.Parameter(limit)})
            SELECT p.run_id, p.args, p.times, s."StepNumber", s."DurationMs"
            FROM top_repeats p JOIN steps s ON s."RunId" = p.run_id AND s."ToolName" = {name} AND s."ToolArgumentsHash" = p.args
            ORDER BY p.times DESC, p.run_id, p.args, s."StepNumber"
            """);
        var calls = await query.ReadAsync(db, reader => (Run: reader.GetString(0), Args: reader.GetString(1), Times: reader.Long(2), Step: reader.GetInt32(3), Ms: reader.GetDouble(4)), cancellationToken);
        return calls.GroupBy(c => (c.Run, c.Args))
            .Select(g => new RepeatedCallRun(g.Key.Run, tool, g.Key.Args, g.First().Times, g.Sum(c => c.Ms) - g.Min(c => c.Ms), g.Select(c => c.Step).ToList()))
            .ToList();
    }

    /// <summary>Step sequences of one to three steps (agent steps, not the HTTP or database spans inside them) that ran twice or more in a row.</summary>
    public async Task<IReadOnlyList<StepLoop>> GetLoopsAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        await AppendAllLoopsAsync(db, query, filter, cancellationToken);
        query.Append("""
            SELECT pattern, length, COUNT(DISTINCT run_id), COUNT(*) FROM all_loops GROUP BY pattern, length
            ORDER BY COUNT(DISTINCT run_id) DESC, pattern
            """);
        return await query.ReadAsync(db, reader => new StepLoop(reader.GetString(0), (int)reader.Long(1), reader.Long(2), reader.Long(3)), cancellationToken);
    }

    /// <summary>The runs where <paramref name="pattern"/> looped, with the step numbers at which it repeated.</summary>
    public async Task<IReadOnlyList<(string RunId, IReadOnlyList<int> Steps)>> GetLoopRunsAsync(RunFilter filter, string pattern, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        await AppendAllLoopsAsync(db, query, filter, cancellationToken);
        query.Append($"SELECT run_id, step FROM all_loops WHERE pattern = {query.Parameter(pattern)} ORDER BY run_id, step");
        var rows = await query.ReadAsync(db, reader => (Run: reader.GetString(0), Step: reader.GetInt32(1)), cancellationToken);
        return rows.GroupBy(r => r.Run).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(limit)
            .Select(g => (g.Key, (IReadOnlyList<int>)g.Select(r => r.Step).ToList())).ToList();
    }

    /// <summary>The CTE <c>all_loops</c> (run_id, step, pattern, length): <see cref="LoopSql"/> over the steps, and the rolled-up loops.</summary>
    private async Task AppendAllLoopsAsync(TraceDbContext db, SqlQuery query, RunFilter filter, CancellationToken cancellationToken)
    {
        var scope = await ReportScope.CreateAsync(db, query, filter, clock.GetUtcNow().UtcDateTime, cancellationToken);
        query.Append(LoopSql.Rows(scope.StepsFrom, scope.StepsWhere)).Append(", all_loops AS (SELECT run_id, step, pattern, length FROM loops");
        if (scope.HasRollups)
        {
            query.Append($"""

                UNION ALL
                SELECT l."RunId", l."StepNumber", l."Pattern", l."Length"
                FROM rollup_loop_steps l JOIN runs r ON r."RunId" = l."RunId"
                WHERE {scope.RunRollupWhere("l")}
                """);
        }

        query.Append(")\n");
    }
}
