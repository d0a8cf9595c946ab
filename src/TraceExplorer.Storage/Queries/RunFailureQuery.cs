using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;

namespace TraceExplorer.Storage.Queries;

/// <summary>
/// The root-cause rule of <c>Core.Runs.RootCauseErrors</c> and <c>Web.Model.FailureCause</c> in SQL, for a page of
/// runs at once: a failed step counts when no failed step lies below it; of those, the one that started first. Its
/// tool is its own or the nearest above it (an HTTP call inside a tool call). The walks up the tree follow the
/// (TraceId, SpanId) index, so a run's other steps are never read.
/// </summary>
public static class RunFailureQuery
{
    /// <summary>Longer messages are cut: the list shows a line of one.</summary>
    public const int MessageLength = 300;

    /// <summary>How far the tool walk climbs; a cycle in bad telemetry ends there.</summary>
    private const int MaxDepth = 64;

    /// <summary>The step p is the parent of the step under the alias, in the same run.</summary>
    private static string ParentOf(string alias) =>
        $"""p."TraceId" = {alias}."TraceId" AND p."SpanId" = {alias}."ParentSpanId" AND p."RunId" = {alias}."RunId" """;

    public static async Task<IReadOnlyList<RunFailure>> ReadAsync(TraceDbContext db, IReadOnlyCollection<string> runIds, bool withMessages, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        var query = new SqlQuery(SqlDialect.For(db));
        var ids = string.Join(", ", runIds.Select(id => query.Parameter(id)));
        var message = withMessages ? $"""SUBSTR(c."ErrorMessage", 1, {MessageLength})""" : "CAST(NULL AS TEXT)";
        query.Append($"""
            WITH RECURSIVE failed AS (
                SELECT s."RunId", s."TraceId", s."SpanId", s."ParentSpanId", s."StartTime", s."StepNumber", s."ErrorType", s."ErrorMessage", s."ToolName"
                FROM steps s {query.Dialect.StepsByRun}
                WHERE s."RunId" IN ({ids}) AND s."Status" = {SqlEnum.Literal(StepStatus.Error)}),
            above AS (
                SELECT p."RunId", p."TraceId", p."SpanId", p."ParentSpanId" FROM failed f JOIN steps p ON {ParentOf("f")}
                UNION
                SELECT p."RunId", p."TraceId", p."SpanId", p."ParentSpanId" FROM above a JOIN steps p ON {ParentOf("a")}),
            ranked AS (
                SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f."RunId" ORDER BY f."StartTime", f."StepNumber") AS cause_rank
                FROM failed f
                WHERE NOT EXISTS (SELECT 1 FROM above a WHERE a."RunId" = f."RunId" AND a."SpanId" = f."SpanId")),
            cause AS (SELECT * FROM ranked WHERE cause_rank = 1),
            tool_walk AS (
                SELECT c."RunId", c."TraceId", c."ParentSpanId", c."ToolName", 0 AS depth FROM cause c
                UNION ALL
                SELECT w."RunId", p."TraceId", p."ParentSpanId", p."ToolName", w.depth + 1
                FROM tool_walk w JOIN steps p ON {ParentOf("w")}
                WHERE w."ToolName" IS NULL AND w.depth < {MaxDepth})
            SELECT c."RunId" AS run_id, c."StepNumber" AS step_number, c."ErrorType" AS error_type, {message} AS error_message,
                (SELECT w."ToolName" FROM tool_walk w WHERE w."RunId" = c."RunId" AND w."ToolName" IS NOT NULL ORDER BY w.depth LIMIT 1) AS tool
            FROM cause c
            """);
        return await query.ReadAsync(db, reader =>
        {
            string? Text(string name) => reader.IsDBNull(reader.GetOrdinal(name)) ? null : reader.GetString(reader.GetOrdinal(name));
            return new RunFailure(
                reader.GetString(reader.GetOrdinal("run_id")),
                Convert.ToInt32(reader.GetValue(reader.GetOrdinal("step_number")), System.Globalization.CultureInfo.InvariantCulture),
                Text("error_type"), Text("error_message"), Text("tool"));
        }, cancellationToken);
    }
}
