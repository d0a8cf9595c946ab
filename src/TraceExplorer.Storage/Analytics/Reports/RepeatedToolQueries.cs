using Microsoft.EntityFrameworkCore;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Storage.Analytics.Reports;

/// <summary>Repetition within runs: the same tool called with the same arguments, and step sequences that loop.</summary>
public sealed class RepeatedToolQueries(AnalyticsContextFactory contextFactory)
{
    public const int DefaultMinCalls = 2;
    public const int MaxLoopLength = 3;

    public async Task<IReadOnlyList<RepeatedTool>> GetToolsAsync(RunFilter filter, int minCalls, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        var where = RunFilterSql.Where(query, filter);
        var repeated = $"times >= {query.Parameter(minCalls)}";
        query.Append($"""
            WITH calls AS (
                SELECT s."RunId" AS run_id, s."ToolName" AS tool, COUNT(*) AS times, SUM(s."DurationMs") AS total, MIN(s."DurationMs") AS fastest
                FROM {RunFilterSql.StepsOf(filter)}
                WHERE s."ToolName" IS NOT NULL AND s."ToolArgumentsHash" IS NOT NULL AND {where}
                GROUP BY s."RunId", s."ToolName", s."ToolArgumentsHash")
            SELECT tool, COUNT(DISTINCT CASE WHEN {repeated} THEN run_id END), COUNT(DISTINCT run_id),
                SUM(CASE WHEN {repeated} THEN times - 1 ELSE 0 END),
                SUM(CASE WHEN {repeated} THEN total - fastest ELSE 0 END)
            FROM calls GROUP BY tool
            """);
        var tools = await query.ReadAsync(db, reader => new RepeatedTool(reader.GetString(0), reader.Long(1), reader.Long(2), reader.Long(3), reader.Double(4)), cancellationToken);
        return tools.OrderByDescending(t => t.TimeInRepeatsMs).ThenBy(t => t.Tool, StringComparer.Ordinal).ToList();
    }

    /// <summary>The runs that called <paramref name="tool"/> with the same arguments at least <paramref name="minCalls"/> times, most repeats first.</summary>
    public async Task<IReadOnlyList<RepeatedCallRun>> GetRunsAsync(RunFilter filter, string tool, int minCalls, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        AppendCalls(query, filter, tool);
        query.Append($"""
            SELECT run_id, args, times, step, nth, v FROM calls
            WHERE times >= {query.Parameter(minCalls)}
            ORDER BY times DESC, run_id, args, nth
            LIMIT {query.Parameter(limit * 20)}
            """);
        var calls = await query.ReadAsync(db, reader => (Run: reader.GetString(0), Args: reader.GetString(1), Times: reader.Long(2), Step: reader.GetInt32(3), Nth: reader.Long(4), Ms: reader.GetDouble(5)), cancellationToken);
        return calls.GroupBy(c => (c.Run, c.Args))
            .Select(g => new RepeatedCallRun(g.Key.Run, tool, g.Key.Args, g.First().Times, g.Sum(c => c.Ms) - g.Min(c => c.Ms), g.Select(c => c.Step).Order().ToList()))
            .Take(limit)
            .ToList();
    }

    /// <summary>Step sequences of one to three steps (agent steps, not the HTTP or database spans inside them) that ran twice or more in a row.</summary>
    public async Task<IReadOnlyList<StepLoop>> GetLoopsAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        AppendLoopRows(query, filter);
        query.Append("""
            SELECT pattern, length, COUNT(DISTINCT run_id), COUNT(*) FROM loops GROUP BY pattern, length
            ORDER BY COUNT(DISTINCT run_id) DESC, pattern
            """);
        return await query.ReadAsync(db, reader => new StepLoop(reader.GetString(0), (int)reader.Long(1), reader.Long(2), reader.Long(3)), cancellationToken);
    }

    /// <summary>The runs where <paramref name="pattern"/> looped, with the step numbers at which it repeated.</summary>
    public async Task<IReadOnlyList<(string RunId, IReadOnlyList<int> Steps)>> GetLoopRunsAsync(RunFilter filter, string pattern, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = new SqlQuery(SqlDialect.For(db));
        AppendLoopRows(query, filter);
        query.Append($"SELECT run_id, step FROM loops WHERE pattern = {query.Parameter(pattern)} ORDER BY run_id, step");
        var rows = await query.ReadAsync(db, reader => (Run: reader.GetString(0), Step: reader.GetInt32(1)), cancellationToken);
        return rows.GroupBy(r => r.Run).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(limit)
            .Select(g => (g.Key, (IReadOnlyList<int>)g.Select(r => r.Step).ToList())).ToList();
    }

    /// <summary>The CTE <c>calls</c>: every call of the tool with arguments, numbered within its (run, arguments) and counted.</summary>
    private static void AppendCalls(SqlQuery query, RunFilter filter, string tool)
    {
        var where = RunFilterSql.Where(query, filter);
        var toolCondition = $"""AND s."ToolName" = {query.Parameter(tool)}""";
        query.Append($"""
            WITH calls AS (
                SELECT s."RunId" AS run_id, s."ToolName" AS tool, s."ToolArgumentsHash" AS args, s."DurationMs" AS v, s."StepNumber" AS step,
                    ROW_NUMBER() OVER (PARTITION BY s."RunId", s."ToolName", s."ToolArgumentsHash" ORDER BY s."StepNumber") AS nth,
                    COUNT(*) OVER (PARTITION BY s."RunId", s."ToolName", s."ToolArgumentsHash") AS times
                FROM {RunFilterSql.StepsOf(filter)}
                WHERE s."ToolName" IS NOT NULL AND s."ToolArgumentsHash" IS NOT NULL {toolCondition} AND {where})

            """);
    }

    /// <summary>
    /// The CTE <c>loops</c>: one row per step at which the sequence of the last L steps (L = 1..3) equals the L steps
    /// before it; the shortest L that matches names the loop, so a step repeated three times is one pattern, not three.
    /// A loop is named by its rotation that starts with its smallest step, so "A → B" and "B → A" are one loop.
    /// </summary>
    private static void AppendLoopRows(SqlQuery query, RunFilter filter)
    {
        var where = RunFilterSql.Where(query, filter);
        var key = $"""s."Kind" || ':' || {StepGroup.NameSql("s")}""";
        query.Append($"""
            WITH sequence AS (
                SELECT s."RunId" AS run_id, s."StepNumber" AS step, {key} AS k
                FROM {RunFilterSql.StepsOf(filter)}
                WHERE s."Kind" <> 'Other' AND {where}),
            lagged AS (
                SELECT run_id, step, k,
                    LAG(k, 1) OVER w AS k1, LAG(k, 2) OVER w AS k2, LAG(k, 3) OVER w AS k3, LAG(k, 4) OVER w AS k4, LAG(k, 5) OVER w AS k5
                FROM sequence WINDOW w AS (PARTITION BY run_id ORDER BY step)),
            loops AS (
                SELECT run_id, step,
                    CASE WHEN k = k1 THEN k
                         WHEN k = k2 AND k1 = k3 THEN (CASE WHEN k1 < k THEN k1 || ' → ' || k ELSE k || ' → ' || k1 END)
                         WHEN k2 <= k1 AND k2 <= k THEN k2 || ' → ' || k1 || ' → ' || k
                         WHEN k1 <= k THEN k1 || ' → ' || k || ' → ' || k2
                         ELSE k || ' → ' || k2 || ' → ' || k1 END AS pattern,
                    CASE WHEN k = k1 THEN 1 WHEN k = k2 AND k1 = k3 THEN 2 ELSE 3 END AS length
                FROM lagged
                WHERE k = k1 OR (k = k2 AND k1 = k3) OR (k = k3 AND k1 = k4 AND k2 = k5))

            """);
    }
}
