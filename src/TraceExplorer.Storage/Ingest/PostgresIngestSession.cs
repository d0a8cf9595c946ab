using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// The PostgreSQL side of a write. Steps go in by binary COPY into a session temporary table, then one INSERT … ON
/// CONFLICT DO NOTHING into the partitioned table, so a span sent twice, or by two nodes at once, is stored once.
/// Several app instances write at once; each write holds transaction-level advisory locks on its traces and runs.
/// </summary>
internal sealed class PostgresIngestSession : IIngestSession
{
    private static readonly string[] StepColumns =
    [
        "TraceId", "SpanId", "RunId", "ParentSpanId", "StepNumber", "Kind", "Name", "StartTime", "DurationMs", "Status",
        "ErrorType", "ErrorMessage", "ToolName", "ToolCallId", "ToolArgumentsHash", "Model", "Provider", "Temperature", "MaxTokens",
        "InputTokens", "OutputTokens", "ValidationSchema", "ValidationPassed", "ValidationFailureReason", "AttributesJson", "EventsJson",
    ];

    private static readonly string StepColumnList = string.Join(", ", StepColumns.Select(c => $"\"{c}\""));

    private readonly NpgsqlConnection _connection;
    private readonly IDbContextTransaction _transaction;
    private readonly HashSet<string> _locked = new(StringComparer.Ordinal);

    private PostgresIngestSession(NpgsqlConnection connection, IDbContextTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresIngestSession> OpenAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = new PostgresIngestSession((NpgsqlConnection)db.Database.GetDbConnection(), transaction);

        // Runs are written after their steps, once their summaries are known; the foreign keys are deferrable.
        session.Execute("SET CONSTRAINTS ALL DEFERRED");
        return session;
    }

    public void Lock(IReadOnlyCollection<string> keys)
    {
        var added = keys.Where(_locked.Add).ToArray();
        if (added.Length == 0)
        {
            return;
        }

        // Always in the same order (by hash), so two writers holding overlapping sets cannot deadlock.
        Execute("""
            SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1) AS k ORDER BY h) AS held
            """, (object)added);
    }

    public string? RunOfTrace(string traceId) =>
        Scalar("""SELECT "RunId" FROM steps WHERE "TraceId" = $1 AND "RunId" <> $1 LIMIT 1""", traceId);

    public string? RunOfStoredSpan(string traceId, string spanId) =>
        Scalar("""SELECT "RunId" FROM steps WHERE "TraceId" = $1 AND "SpanId" = $2 LIMIT 1""", traceId, spanId);

    public Dictionary<string, Run> LoadRuns(IReadOnlyCollection<string> runIds)
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        if (runIds.Count == 0)
        {
            return runs;
        }

        using var command = Command($"""SELECT {RunColumns.SelectList} FROM runs WHERE "RunId" = ANY($1)""", (object)runIds.ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var run = RunColumns.Read(reader);
            runs[run.RunId] = run;
        }

        return runs;
    }

    public void MoveRun(string fromRunId, string toRunId)
    {
        foreach (var table in new[] { "steps", "decisions", "complaints" })
        {
            Execute($"""UPDATE {table} SET "RunId" = $1 WHERE "RunId" = $2""", toRunId, fromRunId);
        }

        Execute("""DELETE FROM runs WHERE "RunId" = $1""", fromRunId);
    }

    public IReadOnlyList<Step> LoadStepTimings(Run run)
    {
        using var command = Command(RunColumns.StepTimingSelect + """ WHERE "RunId" = $1""", run.RunId);
        var steps = new List<Step>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            steps.Add(RunColumns.ReadStepTiming(reader, run));
        }

        return steps;
    }

    public IReadOnlySet<Step> InsertSteps(IReadOnlyList<Step> steps)
    {
        var stored = new HashSet<Step>(ReferenceEqualityComparer.Instance);
        if (steps.Count == 0)
        {
            return stored;
        }

        // A span twice in one write is stored once, as on SQLite: the first copy counts.
        var byKey = new Dictionary<(string, string), Step>();
        foreach (var step in steps)
        {
            byKey.TryAdd((step.TraceId, step.SpanId), step);
        }

        Execute($"""
            CREATE TEMP TABLE IF NOT EXISTS incoming_steps ON COMMIT DELETE ROWS AS
                SELECT 0 AS ord, {StepColumnList} FROM steps WITH NO DATA
            """);
        using (var copy = _connection.BeginBinaryImport($"COPY incoming_steps (ord, {StepColumnList}) FROM STDIN (FORMAT BINARY)"))
        {
            var ord = 0;
            foreach (var step in byKey.Values)
            {
                PostgresStepRow.Write(copy, ord++, step);
            }

            copy.Complete();
        }

        // The key has the start time in it (the table is partitioned by it), so a copy sent later with another start
        // would not conflict: a span already stored under any start is skipped, as SQLite's key on the two ids does.
        // The write holds the span's trace, so no other write can store it between this check and the commit.
        using var command = Command($"""
            INSERT INTO steps ({StepColumnList}) SELECT {StepColumnList} FROM incoming_steps AS i
            WHERE NOT EXISTS (SELECT 1 FROM steps AS s WHERE s."TraceId" = i."TraceId" AND s."SpanId" = i."SpanId")
            ORDER BY ord
            ON CONFLICT ("TraceId", "SpanId", "StartTime") DO NOTHING
            RETURNING "TraceId", "SpanId"
            """);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored.Add(byKey[(reader.GetString(0), reader.GetString(1))]);
            }
        }

        Execute("DELETE FROM incoming_steps");
        return stored;
    }

    public void Renumber(IReadOnlyList<StepNumberChange> changes)
    {
        if (changes.Count > 0)
        {
            Execute("""
                UPDATE steps SET "StepNumber" = u.n
                FROM unnest($1, $2, $3, $4) AS u(r, t, s, n)
                WHERE steps."RunId" = u.r AND steps."TraceId" = u.t AND steps."SpanId" = u.s
                """,
                changes.Select(c => c.RunId).ToArray(), changes.Select(c => c.TraceId).ToArray(),
                changes.Select(c => c.SpanId).ToArray(), changes.Select(c => c.Number).ToArray());
        }
    }

    public void InsertComplaints(IReadOnlyList<Complaint> complaints)
    {
        if (complaints.Count > 0)
        {
            Execute("""
                INSERT INTO complaints ("RunId", "ExternalId", "Time", "Text")
                SELECT r, e, t, NULL FROM unnest($1, $2, $3) AS u(r, e, t)
                ON CONFLICT ("RunId", "ExternalId") DO NOTHING
                """, complaints.Select(c => c.RunId).ToArray(), complaints.Select(c => c.ExternalId).ToArray(), complaints.Select(c => c.Time).ToArray());
        }
    }

    public IReadOnlySet<Decision> InsertDecisions(IReadOnlyList<Decision> decisions)
    {
        var stored = new HashSet<Decision>(ReferenceEqualityComparer.Instance);
        var byFingerprint = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            byFingerprint.TryAdd(decision.Fingerprint!, decision);
        }

        if (byFingerprint.Count == 0)
        {
            return stored;
        }

        var rows = byFingerprint.Values.ToList();
        using var command = Command(
            """
            INSERT INTO decisions ("RunId", "TraceId", "SpanId", "Time", "Kind", "Outcome", "Reason", "PolicyId", "Actor", "Target", "Fingerprint")
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT ("Fingerprint") DO NOTHING
            RETURNING "Fingerprint"
            """,
            rows.Select(d => d.RunId).ToArray(), rows.Select(d => d.TraceId).ToArray(), rows.Select(d => d.SpanId).ToArray(),
            rows.Select(d => d.Time).ToArray(), rows.Select(d => d.Kind.ToString()).ToArray(), rows.Select(d => d.Outcome).ToArray(),
            rows.Select(d => d.Reason).ToArray(), rows.Select(d => d.PolicyId).ToArray(), rows.Select(d => d.Actor).ToArray(),
            rows.Select(d => d.Target).ToArray(), rows.Select(d => d.Fingerprint).ToArray());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stored.Add(byFingerprint[reader.GetString(0)]);
        }

        return stored;
    }

    public void UpsertRuns(IReadOnlyCollection<Run> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var columns = RunColumns.Written;
        var sql = $"INSERT INTO runs ({string.Join(", ", columns.Select(c => $"\"{c}\""))}, \"IsPinned\", \"PayloadsRemoved\") "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))}, FALSE, FALSE) "
            + $"ON CONFLICT (\"RunId\") DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"\"{c}\" = EXCLUDED.\"{c}\""))}";
        using var batch = _connection.CreateBatch();
        foreach (var run in runs)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in RunColumns.Values(run))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        batch.ExecuteNonQuery();
    }

    public void MarkRollupsPending(IReadOnlyList<DateTime> hours)
    {
        foreach (var hour in hours)
        {
            Execute(RollupInvalidation.MarkSql("$1"), hour);
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    private NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, _connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private void Execute(string sql, params object?[] values)
    {
        using var command = Command(sql, values);
        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql, params object?[] values)
    {
        using var command = Command(sql, values);
        return command.ExecuteScalar() as string;
    }
}
