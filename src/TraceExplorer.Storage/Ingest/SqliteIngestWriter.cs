using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TraceExplorer.Core.Ingest;
using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;

namespace TraceExplorer.Storage.Ingest;

/// <summary>
/// Writes decoded batches in one transaction: runs created or completed, steps and decisions inserted once however
/// often they are sent. The SQLite fast path: prepared statements, no change tracking. Not thread-safe:
/// one writer owns the store's write side.
/// </summary>
public sealed class SqliteIngestWriter(IDbContextFactory<TraceDbContext> contextFactory)
{
    public async Task<IngestWriteResult> WriteAsync(IReadOnlyList<IngestBatch> batches, CancellationToken cancellationToken = default)
    {
        var spans = batches.SelectMany(b => b.Spans).ToList();
        var decisions = batches.SelectMany(b => b.Decisions).ToList();
        if (spans.Count == 0 && decisions.Count == 0)
        {
            return new IngestWriteResult(0, 0, 0, []);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();

        // Runs are written after their steps, once their summaries are known; foreign keys are checked at commit.
        using (var defer = connection.CreateCommand())
        {
            defer.Transaction = sqliteTransaction;
            defer.CommandText = "PRAGMA defer_foreign_keys = ON";
            defer.ExecuteNonQuery();
        }

        var lookup = new SqliteRunLookup(connection, sqliteTransaction);
        spans = spans.Select(s => s.RunIdExplicit ? s : SettleRun(s, lookup)).ToList();
        foreach (var decision in decisions.Where(d => !d.RunIdExplicit))
        {
            decision.Decision.RunId = lookup.RunOfSpan(decision.Decision.TraceId, decision.Decision.SpanId, spans)
                ?? lookup.RunOfTrace(decision.Decision.TraceId!) ?? decision.Decision.RunId;
        }

        var runRows = new SqliteRunRows(connection, sqliteTransaction);
        var merge = new SqliteRunMerge(connection, sqliteTransaction);
        var namedRuns = spans.Where(s => s.RunIdExplicit && s.Step.RunId != s.Step.TraceId).Select(s => (s.Step.TraceId, s.Step.RunId)).Distinct().ToList();
        var mergedPlaceholders = merge.MoveTraceRuns(namedRuns, runRows);
        var runs = LoadOrCreateRuns(runRows, spans, decisions, mergedPlaceholders.Keys);
        var (stored, duplicates) = InsertSteps(connection, sqliteTransaction, spans, runs);
        foreach (var (runId, placeholder) in mergedPlaceholders)
        {
            var run = runs[runId];
            SqliteRunMerge.FillMissing(run, placeholder);
            merge.Recount(run);
            if (!run.StepIdsFromAgent)
            {
                Renumber(connection, sqliteTransaction, runId);
            }
        }

        InsertComplaints(connection, sqliteTransaction, spans);
        var storedDecisions = InsertDecisions(connection, sqliteTransaction, decisions, runs);
        runRows.Upsert(runs.Values);

        await transaction.CommitAsync(cancellationToken);
        return new IngestWriteResult(stored, duplicates, storedDecisions, runs.Keys.ToList());
    }

    /// <summary>A span with no run id of its own joins the run its trace already has in the store, else the trace's own.</summary>
    private static IngestedSpan SettleRun(IngestedSpan span, SqliteRunLookup lookup)
    {
        if (lookup.RunOfTrace(span.Step.TraceId) is { } runId)
        {
            span.Step.RunId = runId;
        }

        return span;
    }

    private static Dictionary<string, Run> LoadOrCreateRuns(
        SqliteRunRows runRows, List<IngestedSpan> spans, List<IngestedDecision> decisions, IEnumerable<string> alsoLoad)
    {
        var runIds = spans.Select(s => s.Step.RunId).Concat(decisions.Select(d => d.Decision.RunId)).Concat(alsoLoad).Distinct().ToList();
        var runs = runRows.Load(runIds);
        var firstSpans = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            firstSpans.TryAdd(span.Step.RunId, span.Step);
        }

        var firstDecisions = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            firstDecisions.TryAdd(decision.Decision.RunId, decision.Decision);
        }

        foreach (var runId in runIds.Where(id => !runs.ContainsKey(id)))
        {
            // Whatever arrives first creates the run; the rest of its spans complete it.
            var firstSpan = firstSpans.GetValueOrDefault(runId);
            var firstDecision = firstDecisions.GetValueOrDefault(runId);
            var time = firstSpan?.StartTime ?? firstDecision!.Time;
            runs[runId] = new Run
            {
                RunId = runId,
                RequestId = runId,
                TraceId = firstSpan?.TraceId ?? firstDecision?.TraceId ?? "",
                StartTime = time,
                EndTime = time,
            };
        }

        // Other spans first, so that what the root span says is applied last and wins.
        foreach (var span in spans.OrderBy(s => s.Step.ParentSpanId is null))
        {
            span.Run.ApplyTo(runs[span.Step.RunId], fromRoot: span.Step.ParentSpanId is null);
        }

        return runs;
    }

    private static (int Stored, int Duplicates) InsertSteps(
        SqliteConnection connection, SqliteTransaction transaction, List<IngestedSpan> spans, Dictionary<string, Run> runs)
    {
        using var insert = new SqliteStepInsert(connection);
        int stored = 0, duplicates = 0;
        foreach (var group in spans.GroupBy(s => s.Step.RunId))
        {
            var run = runs[group.Key];
            var ingested = group.OrderBy(s => s.Step.StartTime).ThenBy(s => s.Step.SpanId, StringComparer.Ordinal).ToList();
            var steps = ingested.Select(s => s.Step).ToList();
            run.StepIdsFromAgent |= steps.Any(s => s.StepNumber > 0);
            var inOrder = run.LastStepStart is not { } last || steps[0].StartTime >= last;
            if (!run.StepIdsFromAgent)
            {
                // Appended in start order: numbers follow on; anything else is renumbered below.
                for (var i = 0; i < steps.Count; i++)
                {
                    steps[i].StepNumber = run.StepCount + i + 1;
                }
            }

            var newSpans = ingested.Where(s => insert.Insert(s.Step)).ToList();
            var newSteps = newSpans.Select(s => s.Step).ToList();
            AddRedactions(run, newSpans.Select(s => s.Redactions));
            stored += newSteps.Count;
            duplicates += steps.Count - newSteps.Count;
            RunRollup.Add(run, newSteps);
            if (!run.StepIdsFromAgent && newSteps.Count > 0 && (!inOrder || newSteps.Count < steps.Count))
            {
                Renumber(connection, transaction, run.RunId);
            }
        }

        return (stored, duplicates);
    }

    /// <summary>Counts what redaction replaced in newly stored spans and decisions into their run; a re-sent one adds nothing.</summary>
    private static void AddRedactions(Run run, IEnumerable<Core.Redaction.RedactionCounts?> added)
    {
        var counts = Core.Redaction.RedactionCounts.FromJson(run.RedactionCounts);
        var before = counts.Total;
        foreach (var item in added.OfType<Core.Redaction.RedactionCounts>())
        {
            counts.Add(item);
        }

        if (counts.Total != before)
        {
            run.RedactionCounts = counts.ToJson();
        }
    }

    /// <summary>The agent gave no step ids and spans arrived out of order: number the run's steps by start again.</summary>
    private static void Renumber(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE steps SET StepNumber = ranked.n
            FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY StartTime, SpanId) AS n FROM steps WHERE RunId = $run) AS ranked
            WHERE steps.Id = ranked.Id AND steps.StepNumber <> ranked.n
            """;
        command.Parameters.AddWithValue("$run", runId);
        command.ExecuteNonQuery();
    }

    private static void InsertComplaints(SqliteConnection connection, SqliteTransaction transaction, List<IngestedSpan> spans)
    {
        var complaints = spans.Where(s => s.ComplaintId is not null).ToList();
        if (complaints.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO complaints (RunId, ExternalId, Time, Text) VALUES ($run, $id, $time, NULL) ON CONFLICT (RunId, ExternalId) DO NOTHING";
        var run = command.Parameters.Add("$run", SqliteType.Text);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var time = command.Parameters.Add("$time", SqliteType.Text);
        foreach (var span in complaints)
        {
            run.Value = span.Step.RunId;
            id.Value = span.ComplaintId;
            time.Value = SqliteValues.Time(RunRollup.EndOf(span.Step));
            command.ExecuteNonQuery();
        }
    }

    private static int InsertDecisions(SqliteConnection connection, SqliteTransaction transaction, List<IngestedDecision> decisions, Dictionary<string, Run> runs)
    {
        if (decisions.Count == 0)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO decisions (RunId, TraceId, SpanId, Time, Kind, Outcome, Reason, PolicyId, Actor, Target, Fingerprint)
            VALUES ($run, $trace, $span, $time, $kind, $outcome, $reason, $policy, $actor, $target, $fingerprint)
            ON CONFLICT (Fingerprint) DO NOTHING
            """;
        string[] names = ["$run", "$trace", "$span", "$time", "$kind", "$outcome", "$reason", "$policy", "$actor", "$target", "$fingerprint"];
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var stored = 0;
        foreach (var ingested in decisions)
        {
            var decision = ingested.Decision;
            object?[] values =
            [
                decision.RunId, decision.TraceId, decision.SpanId, SqliteValues.Time(decision.Time), decision.Kind.ToString(),
                decision.Outcome, decision.Reason, decision.PolicyId, decision.Actor, decision.Target,
                decision.Fingerprint ?? DecisionFingerprint.Of(decision),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (command.ExecuteNonQuery() == 1)
            {
                stored++;
                AddRedactions(runs[decision.RunId], [ingested.Redactions]);
            }
        }

        return stored;
    }
}
