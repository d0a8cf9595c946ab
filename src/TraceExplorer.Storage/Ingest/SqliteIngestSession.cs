using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// The SQLite side of a write: prepared statements, values in the formats EF Core's SQLite provider reads back
/// (times as text, booleans as integers). SQLite has one writer at a time, so there is nothing to lock.
/// </summary>
internal sealed class SqliteIngestSession : IIngestSession
{
    private readonly SqliteConnection _connection;
    private readonly IDbContextTransaction _transaction;
    private readonly SqliteTransaction _sqliteTransaction;

    private SqliteIngestSession(SqliteConnection connection, IDbContextTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
    }

    public static async Task<SqliteIngestSession> OpenAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = new SqliteIngestSession((SqliteConnection)db.Database.GetDbConnection(), transaction);

        // Runs are written after their steps, once their summaries are known; foreign keys are checked at commit.
        session.Execute("PRAGMA defer_foreign_keys = ON");
        return session;
    }

    public void Lock(IReadOnlyCollection<string> keys)
    {
    }

    public string? RunOfTrace(string traceId) =>
        Scalar("SELECT RunId FROM steps WHERE TraceId = $trace AND RunId <> $trace LIMIT 1", ("$trace", traceId));

    public string? RunOfStoredSpan(string traceId, string spanId) =>
        Scalar("SELECT RunId FROM steps WHERE TraceId = $trace AND SpanId = $span", ("$trace", traceId), ("$span", spanId));

    public Dictionary<string, Run> LoadRuns(IReadOnlyCollection<string> runIds)
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var chunk in runIds.Chunk(500))
        {
            using var command = Command();
            var names = chunk.Select((_, i) => "$r" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"SELECT {RunColumns.SelectList} FROM runs WHERE RunId IN ({string.Join(", ", names)})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var run = RunColumns.Read(reader);
                runs[run.RunId] = run;
            }
        }

        return runs;
    }

    public void MoveRun(string fromRunId, string toRunId)
    {
        foreach (var table in new[] { "steps", "decisions", "complaints" })
        {
            Execute($"UPDATE {table} SET RunId = $to WHERE RunId = $from", ("$to", toRunId), ("$from", fromRunId));
        }

        Execute("DELETE FROM runs WHERE RunId = $from", ("$from", fromRunId));
    }

    public IReadOnlyList<Step> LoadStepTimings(Run run)
    {
        using var command = Command();
        command.CommandText = RunColumns.StepTimingSelect + " WHERE RunId = $run";
        command.Parameters.AddWithValue("$run", run.RunId);
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
        using var insert = new SqliteStepInsert(_connection);
        var stored = new HashSet<Step>(ReferenceEqualityComparer.Instance);
        foreach (var step in steps.Where(insert.Insert))
        {
            stored.Add(step);
        }

        return stored;
    }

    public void Renumber(IReadOnlyList<StepNumberChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        using var command = Command();
        command.CommandText = "UPDATE steps SET StepNumber = $n WHERE TraceId = $trace AND SpanId = $span AND RunId = $run";
        var number = command.Parameters.Add("$n", SqliteType.Integer);
        var trace = command.Parameters.Add("$trace", SqliteType.Text);
        var span = command.Parameters.Add("$span", SqliteType.Text);
        var run = command.Parameters.Add("$run", SqliteType.Text);
        command.Prepare();
        foreach (var change in changes)
        {
            (number.Value, trace.Value, span.Value, run.Value) = (change.Number, change.TraceId, change.SpanId, change.RunId);
            command.ExecuteNonQuery();
        }
    }

    public void InsertComplaints(IReadOnlyList<Complaint> complaints)
    {
        foreach (var complaint in complaints)
        {
            Execute(
                "INSERT INTO complaints (RunId, ExternalId, Time, Text) VALUES ($run, $id, $time, NULL) ON CONFLICT (RunId, ExternalId) DO NOTHING",
                ("$run", complaint.RunId), ("$id", complaint.ExternalId), ("$time", SqliteValues.Time(complaint.Time)));
        }
    }

    public IReadOnlySet<Decision> InsertDecisions(IReadOnlyList<Decision> decisions)
    {
        var stored = new HashSet<Decision>(ReferenceEqualityComparer.Instance);
        if (decisions.Count == 0)
        {
            return stored;
        }

        using var command = Command();
        command.CommandText = """
            INSERT INTO decisions (RunId, TraceId, SpanId, Time, Kind, Outcome, Reason, PolicyId, Actor, Target, Fingerprint)
            VALUES ($run, $trace, $span, $time, $kind, $outcome, $reason, $policy, $actor, $target, $fingerprint)
            ON CONFLICT (Fingerprint) DO NOTHING
            """;
        string[] names = ["$run", "$trace", "$span", "$time", "$kind", "$outcome", "$reason", "$policy", "$actor", "$target", "$fingerprint"];
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        foreach (var decision in decisions)
        {
            object?[] values =
            [
                decision.RunId, decision.TraceId, decision.SpanId, SqliteValues.Time(decision.Time), decision.Kind.ToString(),
                decision.Outcome, decision.Reason, decision.PolicyId, decision.Actor, decision.Target, decision.Fingerprint,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (command.ExecuteNonQuery() == 1)
            {
                stored.Add(decision);
            }
        }

        return stored;
    }

    public void UpsertRuns(IReadOnlyCollection<Run> runs)
    {
        var columns = RunColumns.Written;
        using var command = Command();
        command.CommandText =
            $"INSERT INTO runs ({string.Join(", ", columns)}, IsPinned) VALUES ({string.Join(", ", columns.Select(c => "$" + c))}, 0) " +
            $"ON CONFLICT (RunId) DO UPDATE SET {string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}";
        var parameters = columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        command.Prepare();
        foreach (var run in runs)
        {
            var values = RunColumns.Values(run);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateTime time => SqliteValues.Time(time),
                    bool flag => flag ? 1 : 0,
                    var value => value,
                };
            }

            command.ExecuteNonQuery();
        }
    }

    public void MarkRollupsPending(IReadOnlyList<DateTime> hours)
    {
        foreach (var hour in hours)
        {
            Execute(RollupInvalidation.MarkSql("$hour"), ("$hour", SqliteValues.Time(hour)));
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    private SqliteCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _sqliteTransaction;
        return command;
    }

    private void Execute(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = Command();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private string? Scalar(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = Command();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar() as string;
    }
}
