using Microsoft.Data.Sqlite;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// Spans without agent.run_id that arrived before any span naming their run were stored under a run named after their
/// trace. When a span of that trace finally names the run, those steps (and their decisions and complaints) move to it
/// and the placeholder run goes away, so one run is never shown as two.
/// </summary>
internal sealed class SqliteRunMerge(SqliteConnection connection, SqliteTransaction transaction)
{
    /// <summary>
    /// For each (trace, named run) pair, moves a stored placeholder run of the trace into the named run.
    /// Returns the placeholders that were moved, by the run they moved into.
    /// </summary>
    public Dictionary<string, Run> MoveTraceRuns(IReadOnlyCollection<(string TraceId, string RunId)> namedRuns, SqliteRunRows runRows)
    {
        var moved = new Dictionary<string, Run>(StringComparer.Ordinal);
        var placeholders = runRows.Load(namedRuns.Select(n => n.TraceId).Distinct().ToList());
        foreach (var (traceId, runId) in namedRuns)
        {
            if (traceId == runId || moved.ContainsKey(runId) || !placeholders.Remove(traceId, out var placeholder))
            {
                continue;
            }

            foreach (var table in new[] { "steps", "decisions", "complaints" })
            {
                Execute($"UPDATE {table} SET RunId = $run WHERE RunId = $trace", ("$run", runId), ("$trace", traceId));
            }

            Execute("DELETE FROM runs WHERE RunId = $trace", ("$trace", traceId));
            moved[runId] = placeholder;
        }

        return moved;
    }

    /// <summary>What the placeholder knew about the run fills what the named run does not know yet.</summary>
    public static void FillMissing(Run run, Run placeholder)
    {
        run.AgentName ??= placeholder.AgentName;
        run.Route ??= placeholder.Route;
        run.PromptVersion ??= placeholder.PromptVersion;
        run.PolicyVersion ??= placeholder.PolicyVersion;
        run.ToolContractVersion ??= placeholder.ToolContractVersion;
        run.RouteConfigVersion ??= placeholder.RouteConfigVersion;
        run.Input ??= placeholder.Input;
        run.Output ??= placeholder.Output;
        run.EndUserHash ??= placeholder.EndUserHash;
        run.ParentRunId ??= placeholder.ParentRunId;
    }

    /// <summary>Summarises a run again from all of its stored steps, after steps were moved into it.</summary>
    public void Recount(Run run)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT SpanId, ParentSpanId, Kind, StartTime, DurationMs, Status, Model, InputTokens, OutputTokens
            FROM steps WHERE RunId = $run
            """;
        command.Parameters.AddWithValue("$run", run.RunId);
        var steps = new List<Step>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                steps.Add(new Step
                {
                    TraceId = run.TraceId,
                    RunId = run.RunId,
                    Name = "",
                    SpanId = reader.GetString(0),
                    ParentSpanId = reader.IsDBNull(1) ? null : reader.GetString(1),
                    Kind = Enum.Parse<StepKind>(reader.GetString(2)),
                    StartTime = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
                    DurationMs = reader.GetDouble(4),
                    Status = Enum.Parse<StepStatus>(reader.GetString(5)),
                    Model = reader.IsDBNull(6) ? null : reader.GetString(6),
                    InputTokens = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                    OutputTokens = reader.IsDBNull(8) ? null : reader.GetInt64(8),
                });
            }
        }

        RunRollup.Apply(run, steps);
    }

    private void Execute(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
